import type { Routes } from '@angular/router';
import { MEMBER_ROLES, STAFF_ROLES } from '@chamber/contracts';
import { provideTranslocoScope } from '@jsverse/transloco';
import { roleGuard } from '../core/auth.guards';
import { loadScope } from '../core/translation-scope';
import { ExamApplyPage } from './exam-apply.page';
import { ExamCalendarPage } from './exam-calendar.page';
import { ExamCancelPage } from './exam-cancel.page';
import { MyExamApplicationsPage } from './my-exam-applications.page';
import { ExamApplicantsPage } from './staff/applicants.page';
import { ExamSittingFormPage } from './staff/sitting-form.page';
import { ExamSittingsPage } from './staff/sittings.page';

/**
 * `/exams`: the calendar, the application form and the cancel link work without an account;
 * "my applications" needs a member account, the management pages staff.
 */
export const EXAMS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('exams')],
    canActivate: [loadScope('exams')],
    children: [
      { path: '', component: ExamCalendarPage, title: 'exams.titles.calendar' },
      { path: 'cancel', component: ExamCancelPage, title: 'exams.titles.cancel' },
      {
        path: 'mine',
        component: MyExamApplicationsPage,
        canActivate: [roleGuard(MEMBER_ROLES)],
        title: 'exams.titles.mine',
      },
      {
        path: 'manage',
        canActivate: [roleGuard(STAFF_ROLES)],
        children: [
          { path: '', component: ExamSittingsPage, title: 'exams.titles.manage' },
          { path: 'new', component: ExamSittingFormPage, title: 'exams.titles.newSitting' },
          { path: ':id', component: ExamApplicantsPage, title: 'exams.titles.applicants' },
          { path: ':id/edit', component: ExamSittingFormPage, title: 'exams.titles.editSitting' },
        ],
      },
      { path: ':id/apply', component: ExamApplyPage, title: 'exams.titles.apply' },
    ],
  },
];
