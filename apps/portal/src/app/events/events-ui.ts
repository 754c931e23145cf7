/** Small browser-side helpers of the events pages (no Angular here). */
import { HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import type { ApiError } from '@chamber/contracts';

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

export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : -1;
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

/** The file name of a download answer (RFC 6266 `filename*=UTF-8''…` preferred), else the fallback. */
export function fileNameOf(response: HttpResponse<Blob>, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed header: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
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
