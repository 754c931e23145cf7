import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Role } from '@chamber/contracts';
import { AuthService } from './auth.service';

/** Signed in, and (when roles are given) with one of them; otherwise to sign-in or to the user's home. */
export function roleGuard(roles?: readonly Role[]): CanActivateFn {
  return (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!auth.signedIn()) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
    if (roles && !auth.hasRole(roles)) return router.parseUrl(auth.homeUrl());
    return true;
  };
}

/** The sign-in page is for signed-out visitors only. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.signedIn() ? inject(Router).parseUrl(auth.homeUrl()) : true;
};

/** `/` sends each role to its home. */
export const homeRedirect = (): string => inject(AuthService).homeUrl();
