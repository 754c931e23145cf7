import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { roleGuard } from '../core/auth.guards';
import { loadScope } from '../core/translation-scope';

/** Admin settings: the chamber's identity. */
export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('settings')],
    canActivate: [roleGuard(['admin']), loadScope('settings')],
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
