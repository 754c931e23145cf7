import { HttpException, HttpStatus } from '@nestjs/common';
import type { MessageKey } from './i18n/messages';

/** A field at fault, before translation. */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  n?: string | number;
  /** a message already written (used when no key fits) */
  text?: string;
}

/** 400 listing every field at fault; the filter writes the messages in the caller's language. */
export class ValidationFailedException extends HttpException {
  constructor(readonly problems: FieldProblem[]) {
    super({ problems }, HttpStatus.BAD_REQUEST);
  }
}

/** An error whose message is one of ours, translated by the filter. */
export class LocalizedHttpException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly messageKey: MessageKey,
    readonly params: { field?: string; n?: string | number } = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super({ messageKey }, status);
  }
}

/** An error with a message given in both languages (domain rules: "event is full", …). */
export class DomainException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly messages: { ja: string; en: string },
    readonly code?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super({ messages, code }, status);
  }
}

export const conflict = (ja: string, en: string, code?: string, extra?: Record<string, unknown>) =>
  new DomainException(HttpStatus.CONFLICT, { ja, en }, code, extra);
export const notFound = (ja: string, en: string, code?: string) =>
  new DomainException(HttpStatus.NOT_FOUND, { ja, en }, code);
export const forbidden = (ja: string, en: string, code?: string) =>
  new DomainException(HttpStatus.FORBIDDEN, { ja, en }, code);
export const badRequest = (field: string, ja: string, en: string) =>
  new DomainException(HttpStatus.BAD_REQUEST, { ja, en }, 'validation', { errors: [{ field, ja, en }] });
