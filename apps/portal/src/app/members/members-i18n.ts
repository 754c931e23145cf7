import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import type { ApiError, FieldError } from '@chamber/contracts';
import { catchError, map, of } from 'rxjs';

/** The feature's own translation files (apps/portal/src/assets/i18n/members/{ja,en}.json). */
export const MEMBERS_SCOPE = 'members';

/** Loads the scope before the first page renders, so route titles and the first paint have its strings. */
export const loadMembersScope: CanActivateFn = () => {
  const transloco = inject(TranslocoService);
  return transloco.load(`${MEMBERS_SCOPE}/${transloco.getActiveLang()}`).pipe(
    map(() => true),
    catchError(() => of(true)),
  );
};

export interface ReadableError {
  /** messages per request field, in the user's language (the API answers in it) */
  fields: Record<string, string>;
  /** messages that belong to no field of the form */
  general: string[];
}

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && 'statusCode' in body && 'message' in body;
}

/** An API error in the shape a form shows: each field's message beside its field, the rest on top. */
export function readableError(error: unknown, knownFields: readonly string[], fallback: string): ReadableError {
  if (!(error instanceof HttpErrorResponse) || !isApiError(error.error)) return { fields: {}, general: [fallback] };
  const body = error.error;
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const list: FieldError[] = body.errors ?? [];
  for (const fe of list) {
    const name = fe.field.split('.')[0] ?? '';
    if (knownFields.includes(name)) fields[name] = fe.message;
    else general.push(fe.message);
  }
  if (list.length === 0) general.push(body.message);
  return { fields, general };
}
