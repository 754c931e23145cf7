import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';

/**
 * A guard that loads a feature's own translation files (apps/portal/src/assets/i18n/<scope>/{ja,en}.json)
 * before the first page renders, so route titles (translated outside any component) and the first
 * paint already have the feature's strings. A failed load lets the page open all the same.
 */
export function loadScope(scope: string): CanActivateFn {
  return () => {
    const transloco = inject(TranslocoService);
    return transloco.load(`${scope}/${transloco.getActiveLang()}`).pipe(
      map(() => true),
      catchError(() => of(true)),
    );
  };
}
