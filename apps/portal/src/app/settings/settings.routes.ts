import { inject } from '@angular/core';
import type { CanActivateFn, Routes } from '@angular/router';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';
import { roleGuard } from '../core/auth.guards';

export const SETTINGS_SCOPE = 'settings';

/** Loads the scope before the page renders, so its title and first paint have their strings. */
const loadScope: CanActivateFn = () => {
  const transloco = inject(TranslocoService);
  return transloco.load(`${SETTINGS_SCOPE}/${transloco.getActiveLang()}`).pipe(
    map(() => true),
    catchError(() => of(true)),
  );
};

/** Admin settings: the chamber's identity. */
export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope(SETTINGS_SCOPE)],
    canActivate: [roleGuard(['admin']), loadScope],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'chamber' },
      {
        path: 'chamber',
        title: 'settings.titles.chamber',
        loadComponent: () => import('./chamber-settings.page').then((m) => m.ChamberSettingsPage),
      },
    ],
  },
];
