import type { Routes } from '@angular/router';
import { CHAMBER_ROLES } from '@chamber/contracts';
import { roleGuard } from '../core/auth.guards';
import { PlanBrowserPage } from './plan-browser.page';

export const PLAN_ROUTES: Routes = [
  { path: '', component: PlanBrowserPage, title: 'titles.plan' },
  {
    path: 'report',
    canActivate: [roleGuard(CHAMBER_ROLES)],
    loadComponent: () => import('./annual-report.page').then((m) => m.AnnualReportPage),
    title: 'titles.report',
  },
  {
    path: 'kpis/:id',
    canActivate: [roleGuard(CHAMBER_ROLES)],
    loadComponent: () => import('./kpi-history.page').then((m) => m.KpiHistoryPage),
    title: 'titles.kpiHistory',
  },
  {
    path: 'review/:id',
    canActivate: [roleGuard(CHAMBER_ROLES)],
    loadComponent: () => import('./plan-review.page').then((m) => m.PlanReviewPage),
    title: 'titles.review',
  },
  {
    path: 'edit/:id',
    canActivate: [roleGuard(CHAMBER_ROLES)],
    loadComponent: () => import('./next-plan.page').then((m) => m.NextPlanPage),
    title: 'titles.nextPlan',
  },
];
