import type { Routes } from '@angular/router';
import { CHAMBER_ROLES, MEMBER_ROLES } from '@chamber/contracts';
import { homeRedirect, roleGuard } from './core/auth.guards';
import { NotFoundPage } from './core/not-found.page';
import { ShellComponent } from './core/shell.component';

export const appRoutes: Routes = [
  { path: 'login', loadChildren: () => import('./auth/auth.routes').then((m) => m.AUTH_ROUTES) },
  // No account needed (students' job-fair sign-up, self-cancel links): outside the signed-in shell.
  { path: 'public', loadChildren: () => import('./events/public-events.routes').then((m) => m.PUBLIC_EVENTS_ROUTES) },
  {
    path: '',
    component: ShellComponent,
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'home',
        canActivate: [roleGuard(MEMBER_ROLES)],
        loadChildren: () => import('./home/home.routes').then((m) => m.HOME_ROUTES),
      },
      {
        path: 'plan',
        canActivate: [roleGuard()],
        loadChildren: () => import('./plan/plan.routes').then((m) => m.PLAN_ROUTES),
      },
      {
        path: 'events',
        canActivate: [roleGuard()],
        loadChildren: () => import('./events/events.routes').then((m) => m.EVENTS_ROUTES),
      },
      // staff pages guard themselves; `invitations/:token` is for invitees without an account
      { path: 'members', loadChildren: () => import('./members/members.routes').then((m) => m.MEMBERS_ROUTES) },
      {
        path: 'dashboard',
        canActivate: [roleGuard(CHAMBER_ROLES)],
        loadChildren: () => import('./dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'suggestions',
        canActivate: [roleGuard()],
        loadChildren: () => import('./suggestions/suggestions.routes').then((m) => m.SUGGESTIONS_ROUTES),
      },
      // the exam calendar and application form need no account; its own routes guard the rest
      { path: 'exams', loadChildren: () => import('./exams/exams.routes').then((m) => m.EXAMS_ROUTES) },
      // the signed-in user's own account (password)
      {
        path: 'account',
        canActivate: [roleGuard()],
        loadChildren: () => import('./auth/account.routes').then((m) => m.ACCOUNT_ROUTES),
      },
      // admin settings (the chamber's identity); the routes guard themselves
      { path: 'settings', loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES) },
      // data governance (audit trail, personal data, mail templates); the routes guard themselves
      {
        path: 'governance',
        loadChildren: () => import('./governance/governance.routes').then((m) => m.GOVERNANCE_ROUTES),
      },
      // admin: webhooks and API tokens; the routes guard themselves
      {
        path: 'integrations',
        loadChildren: () => import('./integrations/integrations.routes').then((m) => m.INTEGRATIONS_ROUTES),
      },
      { path: '**', component: NotFoundPage, title: 'titles.notFound' },
    ],
  },
];
