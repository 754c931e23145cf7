import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { roleGuard } from '../core/auth.guards';
import { loadScope } from '../core/translation-scope';

/** Admin: webhooks and API tokens for the chamber's other systems. */
export const INTEGRATIONS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('integrations')],
    canActivate: [roleGuard(['admin']), loadScope('integrations')],
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
