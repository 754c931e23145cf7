/** Shapes shared by the API and the portal. Framework-free: no Nest, Angular or TypeORM here. */
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
  /** a stable code for clients when the error has one (e.g. `not_yet`, `totp_required`) */
  code?: string;
  errors?: FieldError[];
}
