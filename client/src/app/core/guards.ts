import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

export const authGuard: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  if (session.me()) return true;
  return inject(Router).createUrlTree(['/inloggen'], { queryParams: state.url !== '/' ? { terug: state.url } : {} });
};

export const adminGuard: CanActivateFn = () => (inject(Session).isAdmin() ? true : inject(Router).createUrlTree(['/']));

export const guestGuard: CanActivateFn = () => (inject(Session).me() ? inject(Router).createUrlTree(['/']) : true);

/** The MFA_REQUIRED policy: a user who must enrol a second factor does that before anything else. */
export const mfaEnrolmentGuard: CanActivateFn = () =>
  inject(Session).mfa().enrolmentRequired ? inject(Router).createUrlTree(['/account/tweede-stap']) : true;
