import type { Routes } from '@angular/router';
import { ChangePasswordPage } from './change-password.page';

/** The signed-in user's own account. */
export const ACCOUNT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'password' },
  { path: 'password', component: ChangePasswordPage, title: 'titles.password' },
];
