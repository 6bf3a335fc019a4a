import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { EnvironmentInjector, inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, throwError } from 'rxjs';
import { errorMessage } from './api-error';
import { HANDLES_ERRORS } from './http-context';
import { Session } from './session';

/**
 * One place for failed requests: an ended session goes back to the login page; any other error
 * is shown in a snackbar (the server's message, which is Dutch: ADR 0011), unless the caller handles it. The snackbar
 * (with the CDK overlay under it) is loaded when the first error is shown, not with the login page (ADR 0025).
 */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  const injector = inject(EnvironmentInjector);
  const router = inject(Router);
  const session = inject(Session);
  const i18n = inject(TranslocoService);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !request.context.get(HANDLES_ERRORS)) {
        session.clear();
        void router.navigate(['/inloggen'], { queryParams: { verlopen: 1 } });
      } else if (!request.context.get(HANDLES_ERRORS)) {
        const message = errorMessage(error);
        void import('@angular/material/snack-bar').then(({ MatSnackBar }) =>
          injector.get(MatSnackBar).open(message, i18n.translate('action.close'), { duration: 8000, politeness: 'assertive' }),
        );
      }
      return throwError(() => error);
    }),
  );
};
