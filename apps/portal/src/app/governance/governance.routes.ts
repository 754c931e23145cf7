import { inject } from '@angular/core';
import type { CanActivateFn, Routes } from '@angular/router';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';
import { roleGuard } from '../core/auth.guards';

/** The feature's own translation files (apps/portal/src/assets/i18n/governance/{ja,en}.json). */
export const GOVERNANCE_SCOPE = 'governance';

/** Loads the scope before the page renders, so its title and first paint have their strings. */
const loadScope: CanActivateFn = () => {
  const transloco = inject(TranslocoService);
  return transloco.load(`${GOVERNANCE_SCOPE}/${transloco.getActiveLang()}`).pipe(
    map(() => true),
    catchError(() => of(true)),
  );
};

/** Data governance: the audit trail (admin, manager), personal data on request (admin),
 * mail templates (staff, admin). */
export const GOVERNANCE_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope(GOVERNANCE_SCOPE)],
    canActivate: [loadScope],
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
