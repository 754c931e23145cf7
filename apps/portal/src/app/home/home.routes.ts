import type { Routes } from '@angular/router';
import { MemberHomePage } from './member-home.page';

/** The member company's home (`/home`): what a member can join and has joined. */
export const HOME_ROUTES: Routes = [{ path: '', component: MemberHomePage, title: 'titles.home' }];
