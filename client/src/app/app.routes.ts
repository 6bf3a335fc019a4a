import { Routes } from '@angular/router';
import { authGuard, guestGuard, mfaEnrolmentGuard } from './core/guards';
import { LoginPage } from './login/login-page';

export const routes: Routes = [
  // The login page is in the first download: it is where every visit without a session starts (ADR 0025).
  { path: 'inloggen', canActivate: [guestGuard], component: LoginPage },
  {
    path: 'account/activeren',
    data: { mode: 'activate' },
    loadComponent: () => import('./account/choose-password-page').then((m) => m.ChoosePasswordPage),
  },
  {
    path: 'account/herstellen',
    data: { mode: 'reset' },
    loadComponent: () => import('./account/choose-password-page').then((m) => m.ChoosePasswordPage),
  },
  {
    path: 'account/tweede-stap',
    canActivate: [authGuard],
    loadComponent: () => import('./account/mfa-setup-page').then((m) => m.MfaSetupPage),
  },
  // Everything behind the sign-in: the shell (toolbar, navigation, menus) and its pages are loaded only after the guards
  // let the user in, so the login page's first download carries none of it (issue #15, ADR 0025).
  {
    path: '',
    canActivate: [authGuard, mfaEnrolmentGuard],
    canActivateChild: [mfaEnrolmentGuard],
    loadChildren: () => import('./signed-in.routes').then((m) => m.signedInRoutes),
  },
  { path: '**', redirectTo: '' },
];
