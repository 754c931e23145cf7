import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@chamber/contracts';

/** The API's refusal as lines to show (its field messages, else its message), or the fallback. */
export function errorLines(error: unknown, fallback: string): string[] {
  const body = error instanceof HttpErrorResponse ? (error.error as ApiError | null) : null;
  const fields = (body?.errors ?? []).map((e) => e.message);
  if (fields.length) return fields;
  return [body?.message ?? fallback];
}
