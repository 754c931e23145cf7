import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { loadScope } from '../core/translation-scope';
import { PublicCancelPage } from './public-cancel.page';
import { PublicEventListPage } from './public-event-list.page';
import { PublicShellComponent } from './public-shell.component';
import { PublicSignupPage } from './public-signup.page';

/** Pages without an account (under `/public`, outside the signed-in shell): students and the public. */
export const PUBLIC_EVENTS_ROUTES: Routes = [
  {
    path: '',
    component: PublicShellComponent,
    providers: [provideTranslocoScope('events')],
    canActivate: [loadScope('events')],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'events' },
      { path: 'events', component: PublicEventListPage, title: 'events.titles.publicList' },
      { path: 'events/:id', component: PublicSignupPage, title: 'events.titles.signup' },
      { path: 'cancel', component: PublicCancelPage, title: 'events.titles.publicCancel' },
    ],
  },
];
