import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { CHAMBER_ROLES, STAFF_ROLES } from '@chamber/contracts';
import type { LoginRequest, LoginResponse, Role, SessionUser } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { forgetOfflineRosters } from './offline-shell';

/**
 * A flag (no personal data) that a session cookie may exist: without it a signed-out visitor's
 * page load does not ask /api/auth/me only to be told 401.
 */
const SESSION_HINT = 'cp_session';

function sessionHint(on?: boolean): boolean {
  try {
    if (on === true) localStorage.setItem(SESSION_HINT, '1');
    else if (on === false) localStorage.removeItem(SESSION_HINT);
    return localStorage.getItem(SESSION_HINT) === '1';
  } catch {
    return true; // storage blocked: ask, as before
  }
}

/**
 * The role of the last session (no personal data): with no network, a page that works offline
 * (the check-in page) opens for that role until the network answers again.
 */
const SESSION_ROLE = 'cp_session_role';

function rememberedRole(role?: Role | null): Role | null {
  try {
    if (role) localStorage.setItem(SESSION_ROLE, role);
    else if (role === null) localStorage.removeItem(SESSION_ROLE);
    return localStorage.getItem(SESSION_ROLE) as Role | null;
  } catch {
    return null;
  }
}

export type LoginFailure = 'invalid' | 'totp_required' | 'rate_limited' | 'unavailable';

export class LoginError extends Error {
  constructor(readonly reason: LoginFailure) {
    super(reason);
    this.name = 'LoginError';
  }
}

/**
 * The signed-in user. The API sets an HttpOnly `cp_token` cookie on login, which authenticates
 * every same-origin request and the KPI EventSource; the bearer token is kept in memory only as a
 * second means for the current page and is never stored.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly state = signal<SessionUser | null>(null);
  private token: string | null = null;
  private readonly offlineSession = signal(false);

  /** true while the session is the remembered one of a page opened with no network (not yet confirmed) */
  readonly offline = this.offlineSession.asReadonly();
  readonly user = this.state.asReadonly();
  readonly signedIn = computed(() => this.state() !== null);
  readonly role = computed<Role | null>(() => this.state()?.role ?? null);
  /** chamber people: staff, manager, admin */
  readonly isChamber = computed(() => this.hasRole(CHAMBER_ROLES));
  /** may write figures: staff, admin */
  readonly canEnterFigures = computed(() => this.hasRole(STAFF_ROLES));

  get accessToken(): string | null {
    return this.token;
  }

  hasRole(roles: readonly Role[]): boolean {
    const role = this.state()?.role;
    return role !== undefined && roles.includes(role);
  }

  /** Where a user lands after sign-in or on `/`. */
  homeUrl(): string {
    if (!this.state()) return '/login';
    return this.isChamber() ? '/dashboard' : '/home';
  }

  async login(request: LoginRequest): Promise<SessionUser> {
    try {
      const answer = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', request));
      this.token = answer.accessToken;
      this.state.set(answer.user);
      sessionHint(true);
      rememberedRole(answer.user.role);
      return answer.user;
    } catch (error: unknown) {
      if (error instanceof HttpErrorResponse) {
        const code = (error.error as { code?: string } | null)?.code;
        if (error.status === 401 && code === 'totp_required') throw new LoginError('totp_required');
        if (error.status === 401 || error.status === 400) throw new LoginError('invalid');
        if (error.status === 429) throw new LoginError('rate_limited');
      }
      throw new LoginError('unavailable');
    }
  }

  /**
   * Restores the session from the cookie after a reload; any failure means signed out, but with no
   * network (status 0) the last session's role is kept (no id or e-mail: nothing personal is stored)
   * so that the offline check-in page opens; back online, the session is asked again.
   */
  async restore(): Promise<void> {
    if (!sessionHint()) return;
    try {
      const user = await firstValueFrom(this.http.get<SessionUser>('/api/auth/me'));
      this.state.set(user);
      this.offlineSession.set(false);
      rememberedRole(user.role);
    } catch (error: unknown) {
      const role = rememberedRole();
      if (error instanceof HttpErrorResponse && error.status === 0 && role) {
        this.state.set({ id: '', email: '', role, memberId: null });
        this.offlineSession.set(true);
        if (typeof window !== 'undefined') window.addEventListener('online', () => void this.restore(), { once: true });
        return;
      }
      this.clear();
    }
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<unknown>('/api/auth/logout', {}));
    } catch {
      // the cookie expires on its own; signing out locally is what matters here
    }
    this.clear();
    await this.router.navigateByUrl('/login');
  }

  /** Forgets the session without calling the API (after a 401). */
  clear(): void {
    this.token = null;
    this.state.set(null);
    this.offlineSession.set(false);
    sessionHint(false);
    rememberedRole(null);
    forgetOfflineRosters();
  }
}
