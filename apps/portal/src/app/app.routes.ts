import type { Routes } from '@angular/router';
import { CHAMBER_ROLES } from '@chamber/contracts';
import { homeRedirect, roleGuard } from './core/auth.guards';
import { NotFoundPage } from './core/not-found.page';
import { ShellComponent } from './core/shell.component';

export const appRoutes: Routes = [
  { path: 'login', loadChildren: () => import('./auth/auth.routes').then((m) => m.AUTH_ROUTES) },
  {
    path: '',
    component: ShellComponent,
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'plan',
        canActivate: [roleGuard()],
        loadChildren: () => import('./plan/plan.routes').then((m) => m.PLAN_ROUTES),
      },
      {
        path: 'dashboard',
        canActivate: [roleGuard(CHAMBER_ROLES)],
        loadChildren: () => import('./dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      { path: '**', component: NotFoundPage, title: 'titles.notFound' },
    ],
  },
];
