import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';

/** The feature's own translation files (apps/portal/src/assets/i18n/exams/{ja,en}.json). */
export const EXAMS_SCOPE = 'exams';

/** Loads the scope before the first page renders, so route titles and the first paint have their strings. */
export const loadExamsScope: CanActivateFn = () => {
  const transloco = inject(TranslocoService);
  return transloco.load(`${EXAMS_SCOPE}/${transloco.getActiveLang()}`).pipe(
    map(() => true),
    catchError(() => of(true)),
  );
};
