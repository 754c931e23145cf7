import type { Routes } from '@angular/router';
import { PlanBrowserPage } from './plan-browser.page';

export const PLAN_ROUTES: Routes = [{ path: '', component: PlanBrowserPage, title: 'titles.plan' }];
