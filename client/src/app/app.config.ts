import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import localeEn from '@angular/common/locales/en-GB';
import localeNl from '@angular/common/locales/nl';
import { ApplicationConfig, inject, provideAppInitializer, provideZonelessChangeDetection } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MatIconRegistry } from '@angular/material/icon';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { errorInterceptor } from './core/error.interceptor';
import { provideI18n } from './core/i18n';
import { Session } from './core/session';

/** The routes of app.routes.ts outside the signed-in shell. */
const OUTSIDE_SHELL = ['/inloggen', '/account/activeren', '/account/herstellen', '/account/tweede-stap'];

export function isBehindSignIn(path: string): boolean {
  return path !== '/' && !OUTSIDE_SHELL.some((route) => path === route || path.startsWith(`${route}/`));
}

registerLocaleData(localeNl, 'nl-NL');
registerLocaleData(localeEn, 'en-GB');

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([errorInterceptor])),
    provideI18n(),
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } },
    provideAppInitializer(() => {
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
      // Fetched alongside /api/auth/me, instead of after it, when this browser had a session (ADR 0025) or the address
      // is a page behind the sign-in — a link from a notification e-mail, a bookmark, another browser (ADR 0031).
      if (Session.hadSession() || isBehindSignIn(location.pathname)) void import('./signed-in.routes');
      return inject(Session).load();
    }),
  ],
};
