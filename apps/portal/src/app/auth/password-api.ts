import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangePasswordRequest, PasswordResetConfirmRequest } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';

/** What the API said about each field (already in the user's language), and what it said overall. */
export interface PasswordProblem {
  fields: Record<string, string>;
  message: string | null;
}

export function passwordProblem(error: unknown): PasswordProblem {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || !error.error) {
    return { fields: {}, message: null };
  }
  const body = error.error as { message?: string; errors?: { field: string; message: string }[] };
  const fields: Record<string, string> = {};
  for (const e of body.errors ?? []) fields[e.field] = e.message.replace(/^\w+: /, '');
  return { fields, message: body.errors?.length ? null : (body.message ?? null) };
}

/** The password routes of the account life cycle. */
@Injectable({ providedIn: 'root' })
export class PasswordApi {
  private readonly http = inject(HttpClient);

  change(body: ChangePasswordRequest): Promise<unknown> {
    return firstValueFrom(this.http.post('/api/auth/password', body));
  }

  /** 202 whether or not the address has an account. */
  requestReset(email: string): Promise<unknown> {
    return firstValueFrom(this.http.post('/api/auth/password-reset', { email }));
  }

  confirmReset(body: PasswordResetConfirmRequest): Promise<unknown> {
    return firstValueFrom(this.http.post('/api/auth/password-reset/confirm', body));
  }
}
