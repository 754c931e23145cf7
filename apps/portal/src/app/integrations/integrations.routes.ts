import { inject } from '@angular/core';
import type { CanActivateFn, Routes } from '@angular/router';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';
import { roleGuard } from '../core/auth.guards';

export const INTEGRATIONS_SCOPE = 'integrations';

/** Loads the scope before the page renders, so its title and first paint have their strings. */
const loadScope: CanActivateFn = () => {
  const transloco = inject(TranslocoService);
  return transloco.load(`${INTEGRATIONS_SCOPE}/${transloco.getActiveLang()}`).pipe(
    map(() => true),
    catchError(() => of(true)),
  );
};

/** Admin: webhooks and API tokens for the chamber's other systems. */
export const INTEGRATIONS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope(INTEGRATIONS_SCOPE)],
    canActivate: [roleGuard(['admin']), loadScope],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'webhooks' },
      {
        path: 'webhooks',
        title: 'integrations.titles.webhooks',
        loadComponent: () => import('./webhooks.page').then((m) => m.WebhooksPage),
      },
      {
        path: 'api-tokens',
        title: 'integrations.titles.apiTokens',
        loadComponent: () => import('./api-tokens.page').then((m) => m.ApiTokensPage),
      },
    ],
  },
];
