import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { ApiError, FieldError, Language } from '@chamber/contracts';
import { DomainException, LocalizedHttpException, ValidationFailedException } from './errors';
import { languageOf, MessageKey, translate } from './i18n/messages';

const STATUS_KEYS: Partial<Record<number, MessageKey>> = {
  400: 'validationFailed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  413: 'payloadTooLarge',
  429: 'tooManyRequests',
};

/** Every error leaves in one shape ({statusCode, error, message, errors[]}) and in the caller's language. */
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
    if (exception instanceof ValidationFailedException) {
      const errors: FieldError[] = exception.problems.map((p) => ({
        field: p.field,
        message:
          p.text && p.key === 'invalid' ? `${p.field}: ${p.text}` : translate(p.key, lang, { field: p.field, n: p.n }),
      }));
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: errors.map((e) => e.message).join('; ') || translate('validationFailed', lang),
        errors,
      };
    }
    if (exception instanceof DomainException) {
      const status = exception.getStatus();
      const { errors, ...extra } = exception.extra as { errors?: { field: string; ja: string; en: string }[] };
      return {
        statusCode: status,
        error: reason(status),
        message: exception.messages[lang],
        ...(exception.code ? { code: exception.code } : {}),
        // extra keys of an error (the `row` of an import file) pass through
        ...(errors
          ? { errors: errors.map(({ ja, en, ...rest }) => ({ ...rest, message: lang === 'ja' ? ja : en })) }
          : {}),
        ...extra,
      };
    }
    if (exception instanceof LocalizedHttpException) {
      const status = exception.getStatus();
      return {
        statusCode: status,
        error: reason(status),
        message: translate(exception.messageKey, lang, exception.params),
        ...exception.extra,
      };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, error: reason(429), message: translate('tooManyRequests', lang) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 400 && isJsonSyntaxError(exception)) {
        return {
          statusCode: 400,
          error: reason(400),
          message: translate('invalidJson', lang),
          errors: [{ field: 'body', message: translate('invalidJson', lang) }],
        };
      }
      const key = STATUS_KEYS[status];
      return { statusCode: status, error: reason(status), message: key ? translate(key, lang) : exception.message };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status;
      const key = status === 413 ? 'payloadTooLarge' : 'invalidJson';
      return {
        statusCode: status,
        error: reason(status),
        message: translate(key, lang),
        errors: [{ field: 'body', message: translate(key, lang) }],
      };
    }
    return { statusCode: 500, error: reason(500), message: translate('internal', lang) };
  }
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
