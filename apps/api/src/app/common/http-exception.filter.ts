import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { ApiError, ErrorCode, Language } from '@chamber/contracts';
import { ApiException, fieldError } from './errors';
import { languageOf, MessageKey, translate } from './i18n/messages';

/** The answer of an error that is not one of ours (Nest's, the body parser's), by status. */
const STATUS_CODES: Partial<Record<number, ErrorCode & MessageKey>> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'too_many_requests',
};

/** Every error leaves in one shape ({statusCode, error, message, code, errors[]}) and in the caller's language. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const lang = languageOf(req.headers['accept-language']);
    const body = this.toBody(exception, lang);
    if (body.statusCode >= 500) {
      // the stack only: request bodies may hold personal data
      this.logger.error(`${req.method} ${req.route?.path ?? req.path} failed`, describeFailure(exception));
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, lang: Language): ApiError & Record<string, unknown> {
    if (exception instanceof ApiException) {
      const status = exception.getStatus();
      const { errors: problems, ...extra } = exception.extra;
      const errors = problems?.map((p) => fieldError(p, lang));
      // a list of field problems says them all; a single rule says its own sentence
      const message =
        exception.key === 'validation' && errors
          ? errors.map((e) => e.message).join('; ') || translate('validation', lang)
          : translate(exception.key, lang, exception.params);
      return {
        statusCode: status,
        error: reason(status),
        message,
        code: exception.code,
        ...(errors ? { errors } : {}),
        // extra keys of an error (the `row` of an import file, `retryAfterSeconds`) pass through
        ...extra,
      };
    }
    if (exception instanceof ThrottlerException) {
      return {
        statusCode: 429,
        error: reason(429),
        message: translate('too_many_requests', lang),
        code: 'too_many_requests',
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 400 && isJsonSyntaxError(exception)) return invalidBody(400, 'invalid_json', lang);
      const code = STATUS_CODES[status];
      return {
        statusCode: status,
        error: reason(status),
        message: code ? translate(code, lang) : exception.message,
        code: code ?? (status === 503 ? 'service_unavailable' : status >= 500 ? 'internal' : 'bad_request'),
      };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status;
      return invalidBody(status, status === 413 ? 'payload_too_large' : 'invalid_json', lang);
    }
    return { statusCode: 500, error: reason(500), message: translate('internal', lang), code: 'internal' };
  }
}

function invalidBody(
  status: number,
  code: 'invalid_json' | 'payload_too_large',
  lang: Language,
): ApiError & Record<string, unknown> {
  const message = translate(code, lang);
  return { statusCode: status, error: reason(status), message, code, errors: [{ field: 'body', message }] };
}

function reason(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((w) => w[0]?.toUpperCase() + w.slice(1))
        .join(' ')
    : 'Error';
}

function isJsonSyntaxError(e: HttpException): boolean {
  const cause = (e as { cause?: unknown }).cause;
  return cause instanceof SyntaxError || /JSON/.test(e.message);
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { status?: unknown }).status === 'number' &&
    typeof (e as { type?: unknown }).type === 'string'
  );
}

/** What to log of a failure: a database error's code and constraint only (its message and detail quote values). */
function describeFailure(e: unknown): string {
  const driver = (e as { driverError?: { code?: string; constraint?: string; table?: string } }).driverError;
  if (driver)
    return `database error ${driver.code ?? '?'}${driver.table ? ` on ${driver.table}` : ''}${driver.constraint ? ` (${driver.constraint})` : ''}`;
  return e instanceof Error ? (e.stack ?? e.message) : 'unknown error';
}
