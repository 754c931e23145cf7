import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { CHAMBER_ROLES, MEMBER_ROLES, STAFF_ROLES } from '@chamber/contracts';
import { roleGuard } from '../core/auth.guards';
import { loadScope } from '../core/translation-scope';
import { AuthService } from '../core/auth.service';

/** `/members/mine`: a company's own people land on their company page. */
const ownCompany: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.signedIn()) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  const memberId = auth.user()?.memberId;
  return memberId ? router.createUrlTree(['/members', memberId]) : router.parseUrl(auth.homeUrl());
};

/**
 * Staff pages (search, company page, forms, consultation log, inactive list, import), the company's
 * own page for its people, and the public page where an invitee sets a password.
 */
export const MEMBERS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('members')],
    canActivate: [loadScope('members')],
    children: [
      {
        path: '',
        canActivate: [roleGuard(CHAMBER_ROLES)],
        title: 'members.titles.list',
        loadComponent: () => import('./member-list.page').then((m) => m.MemberListPage),
      },
      {
        path: 'new',
        canActivate: [roleGuard(STAFF_ROLES)],
        title: 'members.titles.create',
        loadComponent: () => import('./member-form.page').then((m) => m.MemberFormPage),
      },
      {
        path: 'import',
        canActivate: [roleGuard(STAFF_ROLES)],
        title: 'members.titles.import',
        loadComponent: () => import('./member-import.page').then((m) => m.MemberImportPage),
      },
      {
        path: 'consultations',
        canActivate: [roleGuard(CHAMBER_ROLES)],
        title: 'members.titles.log',
        loadComponent: () => import('./consultation-log.page').then((m) => m.ConsultationLogPage),
      },
      {
        path: 'inactive',
        canActivate: [roleGuard(CHAMBER_ROLES)],
        title: 'members.titles.inactive',
        loadComponent: () => import('./inactive-members.page').then((m) => m.InactiveMembersPage),
      },
      { path: 'mine', canActivate: [roleGuard(MEMBER_ROLES), ownCompany], children: [] },
      {
        path: 'invitations/:token',
        title: 'members.titles.accept',
        loadComponent: () => import('./accept-invitation.page').then((m) => m.AcceptInvitationPage),
      },
      {
        path: ':id',
        canActivate: [roleGuard()],
        title: 'members.titles.detail',
        loadComponent: () => import('./member-detail.page').then((m) => m.MemberDetailPage),
      },
      {
        path: ':id/edit',
        canActivate: [roleGuard([...STAFF_ROLES, 'member_admin'])],
        title: 'members.titles.edit',
        loadComponent: () => import('./member-form.page').then((m) => m.MemberFormPage),
      },
    ],
  },
];
