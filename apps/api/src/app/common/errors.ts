import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorCode, FieldError, Language } from '@chamber/contracts';
import { codeOf, translate, type MessageKey, type MessageParams } from './i18n/messages';

/**
 * A field at fault, before translation: the message `key` (a field rule such as `maxLength`, or a
 * `validation.*` detail) and its params. Other keys (`row` of an import file) pass through.
 */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  n?: string | number;
  params?: MessageParams;
  /** a message already written (class-validator's own, when no key fits) */
  text?: string;
  /** the message is prefixed with `field: ` */
  withField?: boolean;
  row?: number;
}

/**
 * The one error of the API. `key` names its message in messages.ja.ts / messages.en.ts; the answer's
 * `code` is the key up to its first dot (`event_cancelled.again` answers `event_cancelled`) unless
 * given (a field rule's 400 answers `validation`).
 * `errors` lists fields at fault; any other key of `extra` goes into the body as it is.
 */
export class ApiException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly extra: { errors?: FieldProblem[] } & Record<string, unknown> = {},
    readonly code: ErrorCode = codeOf(key),
  ) {
    super({ key, code }, status);
  }
}

type Extra = ApiException['extra'];

/** 400 listing every field at fault (class-validator's problems, or ours); the message joins theirs. */
export const invalidFields = (problems: FieldProblem[]) =>
  new ApiException(HttpStatus.BAD_REQUEST, 'validation', {}, { errors: problems });
/** 400 `validation` for one field, the message (of `key`) said for the whole request and for the field. */
export const badRequest = (field: string, key: MessageKey, params: MessageParams = {}) =>
  new ApiException(
    HttpStatus.BAD_REQUEST,
    key,
    { field, ...params },
    { errors: [{ field, key, params }] },
    'validation',
  );
export const unauthorized = (key: MessageKey = 'unauthorized') => new ApiException(HttpStatus.UNAUTHORIZED, key);
export const forbidden = (key: MessageKey = 'forbidden', params?: MessageParams, extra?: Extra) =>
  new ApiException(HttpStatus.FORBIDDEN, key, params, extra);
export const notFound = (key: MessageKey, params?: MessageParams, extra?: Extra) =>
  new ApiException(HttpStatus.NOT_FOUND, key, params, extra);
export const conflict = (key: MessageKey, params?: MessageParams, extra?: Extra) =>
  new ApiException(HttpStatus.CONFLICT, key, params, extra);
export const tooManyRequests = (key: MessageKey, params?: MessageParams, extra?: Extra) =>
  new ApiException(HttpStatus.TOO_MANY_REQUESTS, key, params, extra);
/** A 404 or 409 naming the field at fault with the same message. */
export const onField = (status: HttpStatus, field: string, key: MessageKey, params: MessageParams = {}) =>
  new ApiException(status, key, { field, ...params }, { errors: [{ field, key, params }] });

/** A field problem in the caller's language; other keys of it (`row`) stay. */
export function fieldError(p: FieldProblem, lang: Language): FieldError & Record<string, unknown> {
  const { field, key, n, params, text, withField, ...rest } = p;
  const said = text && key === 'invalid' ? text : translate(key, lang, { field, n, ...params });
  return { ...rest, field, message: withField || (text && key === 'invalid') ? `${field}: ${said}` : said };
}
