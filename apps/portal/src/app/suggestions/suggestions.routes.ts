import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { CHAMBER_ROLES, MEMBER_ROLES } from '@chamber/contracts';
import { roleGuard } from '../core/auth.guards';
import { loadScope } from '../core/translation-scope';
import { AuthService } from '../core/auth.service';
import { SuggestionsLayoutComponent } from './suggestions-layout.component';

/** Staff land on the inbox, members on their own suggestions. */
const home = (): string => (inject(AuthService).isChamber() ? 'inbox' : 'mine');

export const SUGGESTIONS_ROUTES: Routes = [
  {
    path: '',
    component: SuggestionsLayoutComponent,
    providers: [provideTranslocoScope('suggestions')],
    canActivate: [loadScope('suggestions')],
    children: [
      { path: '', pathMatch: 'full', redirectTo: home },
      {
        path: 'new',
        canActivate: [roleGuard(MEMBER_ROLES)],
        title: 'suggestions.titles.new',
        loadComponent: () => import('./suggestion-form.page').then((m) => m.SuggestionFormPage),
      },
      {
        path: 'mine',
        canActivate: [roleGuard(MEMBER_ROLES)],
        title: 'suggestions.titles.mine',
        loadComponent: () => import('./my-suggestions.page').then((m) => m.MySuggestionsPage),
      },
      {
        path: 'voices',
        title: 'suggestions.titles.voices',
        loadComponent: () => import('./public-answers.page').then((m) => m.PublicAnswersPage),
      },
      {
        path: 'inbox',
        canActivate: [roleGuard(CHAMBER_ROLES)],
        title: 'suggestions.titles.inbox',
        loadComponent: () => import('./suggestion-inbox.page').then((m) => m.SuggestionInboxPage),
      },
      {
        path: 'inbox/:id',
        canActivate: [roleGuard(CHAMBER_ROLES)],
        title: 'suggestions.titles.detail',
        loadComponent: () => import('./suggestion-answer.page').then((m) => m.SuggestionAnswerPage),
      },
    ],
  },
];
