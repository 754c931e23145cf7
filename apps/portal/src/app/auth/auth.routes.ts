import type { Routes } from '@angular/router';
import { guestGuard } from '../core/auth.guards';
import { ForgotPasswordPage } from './forgot-password.page';
import { LoginPage } from './login.page';
import { ResetPasswordPage } from './reset-password.page';

export const AUTH_ROUTES: Routes = [
  { path: '', component: LoginPage, canActivate: [guestGuard], title: 'titles.login' },
  { path: 'forgot', component: ForgotPasswordPage, title: 'titles.forgotPassword' },
  // the mailed link (PASSWORD_RESET_PAGE in the API): open even when signed in on this browser
  { path: 'reset', component: ResetPasswordPage, title: 'titles.resetPassword' },
];
