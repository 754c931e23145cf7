import type { Routes } from '@angular/router';
import { guestGuard } from '../core/auth.guards';
import { LoginPage } from './login.page';

export const AUTH_ROUTES: Routes = [
  { path: '', component: LoginPage, canActivate: [guestGuard], title: 'titles.login' },
];
