import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';

/** The feature's own translation files (apps/portal/src/assets/i18n/events/{ja,en}.json). */
export const EVENTS_SCOPE = 'events';

/**
 * Loads the scope before the first page renders, so route titles (translated outside any
 * component) and the first paint already have the feature's strings.
 */
export const loadEventsScope: CanActivateFn = () => {
  const transloco = inject(TranslocoService);
  return transloco.load(`${EVENTS_SCOPE}/${transloco.getActiveLang()}`).pipe(
    map(() => true),
    catchError(() => of(true)),
  );
};
