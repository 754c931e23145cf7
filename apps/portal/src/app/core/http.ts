/**
 * The portal's one place for what an HTTP answer means to a page: the API's error body (is it one,
 * its message, its field errors put on a form) and downloads (the file name the API gave, saving it).
 */
import { HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import type { AbstractControl } from '@angular/forms';
import type { ApiError, FieldError } from '@chamber/contracts';
import { fieldErrorMap, unplacedErrors } from './field-errors';

export { fieldErrorMap, unplacedErrors } from './field-errors';

export function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && 'statusCode' in body && 'message' in body;
}

/** The API's error body of a failed call, if it sent one. */
export function apiErrorOf(error: unknown): ApiError | null {
  if (error instanceof HttpErrorResponse && isApiError(error.error)) return error.error;
  return null;
}

/** As `apiErrorOf`, also for calls that asked for a Blob (file downloads), whose error body is a Blob too. */
export async function apiErrorOfDownload(error: unknown): Promise<ApiError | null> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    try {
      const body: unknown = JSON.parse(await error.error.text());
      return isApiError(body) ? body : null;
    } catch {
      return null;
    }
  }
  return apiErrorOf(error);
}

/** The HTTP status of a failed call (0: no answer), -1 when it was no HTTP failure. */
export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : -1;
}

/** The API's refusal as lines to show (its field messages, else its message), or the fallback. */
export function errorLines(error: unknown, fallback: string): string[] {
  const body = apiErrorOf(error);
  const fields = (body?.errors ?? []).map((e) => e.message);
  if (fields.length) return fields;
  return [body?.message ?? fallback];
}

/** Shows an API message on a control: its `server` error, next to the client's own, and touched. */
export function setServerError(control: AbstractControl, message: string): void {
  control.setErrors({ ...(control.errors ?? {}), server: message });
  control.markAsTouched();
}

/** The `server` error a control was given, if any. */
export function serverError(control: AbstractControl): string | null {
  const message: unknown = control.errors?.['server'];
  return typeof message === 'string' ? message : null;
}

/**
 * Puts each field error of an API answer on its control (`controlOf` gives the control of an API
 * field path, or null) and returns the messages to show on top: those that fit no control, or the
 * whole message when the answer names no field.
 */
export function placeFieldErrors(
  body: ApiError,
  controlOf: (field: string) => AbstractControl | null | undefined,
): string[] {
  const map = fieldErrorMap(body.errors);
  const rest = unplacedErrors(map, (field) => {
    const control = controlOf(field);
    if (!control) return false;
    setServerError(control, map.get(field) ?? '');
    return true;
  });
  return map.size === 0 ? [body.message] : rest;
}

export interface ReadableError {
  /** messages per request field (already in the user's language: the API answers in it) */
  fields: Record<string, string>;
  /** messages that belong to no field of the form */
  general: string[];
}

/**
 * An API error in the shape a form shows: each field's message next to its field (by the first part
 * of its path), the rest on top. `knownFields` are the fields the form has; `fallback` is the
 * translated message for errors with no body.
 */
export function readableError(error: unknown, knownFields: readonly string[], fallback: string): ReadableError {
  const body = apiErrorOf(error);
  if (!body) return { fields: {}, general: [fallback] };
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

/** Puts the field messages of a `ReadableError` on their controls (see `setServerError`). */
export function showReadableFields(
  fields: Record<string, string>,
  controlOf: (field: string) => AbstractControl | null | undefined,
): void {
  for (const [field, message] of Object.entries(fields)) {
    const control = controlOf(field);
    if (control) setServerError(control, message);
  }
}

/**
 * A key for `Idempotency-Key`: one per intended write, reused when the same write is retried.
 * `crypto.randomUUID` exists only on secure origins; an office LAN address over http is not one.
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The file name of a download's `Content-Disposition` (RFC 6266; the RFC 5987 `filename*=UTF-8''…`
 * preferred over the plain `filename`), else the fallback.
 */
export function fileNameFromDisposition(header: string | null | undefined, fallback: string): string {
  const value = header ?? '';
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(value);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed header: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(value);
  return plain ? plain[1].trim() : fallback;
}

/** The file name of a download answer (see `fileNameFromDisposition`), else the fallback. */
export function fileNameOf(response: HttpResponse<Blob>, fallback: string): string {
  return fileNameFromDisposition(response.headers.get('Content-Disposition'), fallback);
}

/** Hands a downloaded file to the browser's save mechanism. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a download answer under the name the API gave it. */
export function saveDownload(response: HttpResponse<Blob>, fallback: string): void {
  saveBlob(response.body ?? new Blob(), fileNameOf(response, fallback));
}
