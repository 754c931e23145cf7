import type { Routes } from '@angular/router';
import { CHAMBER_ROLES, MEMBER_ROLES, STAFF_ROLES } from '@chamber/contracts';
import { provideTranslocoScope } from '@jsverse/transloco';
import { roleGuard } from '../core/auth.guards';
import { loadScope } from '../core/translation-scope';
import { CheckInPage } from './check-in.page';
import { EventDetailPage } from './event-detail.page';
import { EventFormPage } from './event-form.page';
import { EventListPage } from './event-list.page';
import { MyRegistrationsPage } from './my-registrations.page';
import { RosterPage } from './roster.page';

/** Signed-in pages of the events feature (inside the shell, under `/events`). */
export const EVENTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('events')],
    canActivate: [loadScope('events')],
    children: [
      { path: '', component: EventListPage, title: 'events.titles.list' },
      {
        path: 'mine',
        component: MyRegistrationsPage,
        canActivate: [roleGuard(MEMBER_ROLES)],
        title: 'events.titles.mine',
      },
      { path: 'new', component: EventFormPage, canActivate: [roleGuard(STAFF_ROLES)], title: 'events.titles.create' },
      { path: ':id', component: EventDetailPage, title: 'events.titles.detail' },
      {
        path: ':id/edit',
        component: EventFormPage,
        canActivate: [roleGuard(STAFF_ROLES)],
        title: 'events.titles.edit',
      },
      {
        path: ':id/roster',
        component: RosterPage,
        // managers read the roster; only staff change it
        canActivate: [roleGuard(CHAMBER_ROLES)],
        title: 'events.titles.roster',
      },
      {
        // works offline once opened online (roster and queue in IndexedDB; the service worker keeps the app)
        path: ':id/check-in',
        component: CheckInPage,
        canActivate: [roleGuard(STAFF_ROLES)],
        title: 'events.titles.checkIn',
      },
    ],
  },
];
