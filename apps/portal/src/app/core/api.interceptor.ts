import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { LanguageService } from './language.service';

/** Requests whose 401 is an answer, not an expired session. */
const SESSION_PROBES = ['/api/auth/login', '/api/auth/me', '/api/auth/logout'];

function isApi(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('api/');
}

/**
 * Every API call carries the UI language (error messages come back in it) and, while the page holds
 * one, the bearer token. A 401 elsewhere means the session ended: forget it and go to sign-in.
 */
export const apiInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApi(req.url)) return next(req);
  const auth = inject(AuthService);
  const router = inject(Router);
  const lang = inject(LanguageService).lang();
  const token = auth.accessToken;
  // ngsw-bypass: API calls go to the network past the service worker (nothing of /api is ever cached)
  const headers: Record<string, string> = { 'Accept-Language': lang, 'ngsw-bypass': 'true' };
  if (token && !req.headers.has('Authorization')) headers['Authorization'] = `Bearer ${token}`;

  return next(req.clone({ setHeaders: headers })).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !SESSION_PROBES.some((probe) => req.url.startsWith(probe)) &&
        auth.signedIn()
      ) {
        auth.clear();
        void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
      }
      return throwError(() => error);
    }),
  );
};
