/** Browser-side helpers of the exams pages: API errors onto form fields, downloads, idempotency keys. */
import { HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import type { AbstractControl } from '@angular/forms';
import type { ApiError } from '@chamber/contracts';

export function apiErrorOf(error: unknown): ApiError | null {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (typeof body === 'object' && body !== null && 'statusCode' in body && 'message' in body) return body as ApiError;
  }
  return null;
}

export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : -1;
}

/**
 * Puts each field error of an API answer on its control (`server` error) and returns the messages
 * that fit no control (or the whole message when the answer names no field).
 */
export function placeServerErrors(error: ApiError, controlOf: (field: string) => AbstractControl | null): string[] {
  const rest: string[] = [];
  for (const e of error.errors ?? []) {
    const control = controlOf(e.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: e.message });
      control.markAsTouched();
    } else {
      rest.push(e.message);
    }
  }
  return (error.errors ?? []).length === 0 ? [error.message] : rest;
}

export function serverError(control: AbstractControl): string | null {
  const message: unknown = control.errors?.['server'];
  return typeof message === 'string' ? message : null;
}

/** One key per intended write; `crypto.randomUUID` exists only on secure origins. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Saves a downloaded answer under the name the API gave it. */
export function saveDownload(response: HttpResponse<Blob>, fallback: string): void {
  const header = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
  const url = URL.createObjectURL(response.body ?? new Blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
