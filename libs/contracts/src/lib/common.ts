/** Shapes shared by the API and the portal. Framework-free: no Nest, Angular or TypeORM here. */
import type { ErrorCode } from './errors';

export interface LocalizedText {
  ja: string;
  en: string;
}

export type Language = 'ja' | 'en';

export interface FieldError {
  field: string;
  message: string;
}

/** Every error answer of the API. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** a stable code for clients to switch on (`validation`, `not_found`, `not_yet`, `totp_required`, …) */
  code: ErrorCode;
  errors?: FieldError[];
}
