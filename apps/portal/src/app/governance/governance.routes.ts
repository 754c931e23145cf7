import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { roleGuard } from '../core/auth.guards';
import { loadScope } from '../core/translation-scope';

/** Data governance: the audit trail (admin, manager), personal data on request (admin),
 * mail templates (staff, admin). */
export const GOVERNANCE_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('governance')],
    canActivate: [loadScope('governance')],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'audit' },
      {
        path: 'audit',
        title: 'governance.titles.audit',
        canActivate: [roleGuard(['admin', 'manager'])],
        loadComponent: () => import('./audit.page').then((m) => m.AuditPage),
      },
      {
        path: 'personal-data',
        title: 'governance.titles.personal',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () => import('./personal-data.page').then((m) => m.PersonalDataPage),
      },
      {
        path: 'mail-templates',
        title: 'governance.titles.templates',
        canActivate: [roleGuard(['staff', 'admin'])],
        loadComponent: () => import('./mail-templates.page').then((m) => m.MailTemplatesPage),
      },
    ],
  },
];
