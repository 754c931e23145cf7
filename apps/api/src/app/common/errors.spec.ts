import {
  ArgumentsHost,
  BadRequestException,
  HttpStatus,
  Logger,
  MethodNotAllowedException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ERROR_CODES, ErrorCode } from '@chamber/contracts';
import { ApiException, badRequest, conflict, invalidFields } from './errors';
import { HttpExceptionFilter } from './http-exception.filter';
import { codeOf, FIELD_RULES, MessageKey, translate } from './i18n/messages';
import { EN } from './i18n/messages.en';
import { JA } from './i18n/messages.ja';

/** The body the filter sends for an exception, in one language. */
function answer(exception: unknown, lang = 'ja'): Record<string, unknown> {
  let body: Record<string, unknown> = {};
  const res = {
    headersSent: false,
    status: () => res,
    json: (b: Record<string, unknown>) => (body = b),
  };
  const req = { headers: { 'accept-language': lang }, method: 'GET', path: '/api/x' };
  const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
  jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  new HttpExceptionFilter().catch(exception, host);
  return body;
}

describe('error codes and their messages', () => {
  it('every ErrorCode has a Japanese and an English message', () => {
    for (const code of ERROR_CODES) {
      expect([code, typeof JA[code]]).not.toEqual([code, 'undefined']);
      expect([code, typeof EN[code]]).not.toEqual([code, 'undefined']);
      expect(translate(code, 'ja')).not.toBe('');
      expect(translate(code, 'en')).not.toBe('');
    }
  });

  it('both catalogues hold the same keys; every detail key starts with an ErrorCode; codes are snake_case', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(JA).sort());
    const codes = new Set<string>(ERROR_CODES);
    expect(codes.size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    const rules = new Set<string>(FIELD_RULES);
    for (const key of Object.keys(JA) as MessageKey[]) {
      if (rules.has(key)) continue;
      expect([key, codes.has(codeOf(key))]).toEqual([key, true]);
    }
  });

  it('fills params in both languages', () => {
    expect(translate('no_plan_for_fiscal_year', 'ja', { fiscalYear: 2026 })).toBe(
      '2026年度を対象とする計画がありません',
    );
    expect(translate('no_plan_for_fiscal_year', 'en', { fiscalYear: 2026 })).toBe('No plan covers FY2026');
    expect(translate('exam_full', 'en', { seatsLeft: 0 })).toBe('This sitting is full');
    expect(translate('exam_full', 'ja', { seatsLeft: 2 })).toBe('この試験回の残席は 2 席です');
    expect(translate('validation.import_rejected', 'ja', { rows: [2, 5] })).toBe(
      '2・5 行目に誤りがあります。結果は1件も登録していません',
    );
    expect(translate('validation.import_rejected', 'en', { rows: [3] })).toBe(
      'Line 3 has errors; no result was recorded',
    );
    expect(translate('maxLength', 'en', { field: 'name', n: 10 })).toBe('name must be at most 10 characters');
  });
});

describe('the exception filter always sets code', () => {
  const cases: [string, unknown, number, ErrorCode][] = [
    ['a field rule (ValidationPipe)', invalidFields([{ field: 'name', key: 'isNotEmpty' }]), 400, 'validation'],
    ['a rule of ours on one field', badRequest('endsAt', 'validation.ends_before_starts'), 400, 'validation'],
    ['a domain conflict', conflict('already_registered'), 409, 'already_registered'],
    ['a detail of a code', conflict('event_cancelled.again'), 409, 'event_cancelled'],
    ['the throttler', new ThrottlerException(), 429, 'too_many_requests'],
    ['an unknown route', new NotFoundException('Cannot GET /api/nowhere'), 404, 'not_found'],
    ['bad JSON', new BadRequestException('Unexpected token } in JSON at position 1'), 400, 'invalid_json'],
    ['a body too large', { status: 413, type: 'entity.too.large' }, 413, 'payload_too_large'],
    ['a body parser failure', { status: 400, type: 'entity.parse.failed' }, 400, 'invalid_json'],
    ['another 4xx of the framework', new MethodNotAllowedException(), 405, 'bad_request'],
    ['a 503', new ServiceUnavailableException('database down'), 503, 'service_unavailable'],
    ['a crash', new Error('boom'), 500, 'internal'],
  ];
  it.each(cases)('%s', (_, exception, status, code) => {
    for (const lang of ['ja', 'en']) {
      const body = answer(exception, lang);
      expect(body).toMatchObject({ statusCode: status, code });
      expect(typeof body['message']).toBe('string');
      expect(body['message']).not.toBe('');
      expect(ERROR_CODES).toContain(body['code']);
    }
  });

  it('keeps the message, the field errors and the extra keys as they were', () => {
    expect(answer(badRequest('capacity', 'validation.capacity_below_taken', { taken: 3 }), 'en')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'capacity cannot be below the 3 seats already taken',
      code: 'validation',
      errors: [{ field: 'capacity', message: 'capacity cannot be below the 3 seats already taken' }],
    });
    const full = new ApiException(HttpStatus.CONFLICT, 'exam_full', { seatsLeft: 1 }, { seatsLeft: 1 });
    expect(answer(full, 'ja')).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'この試験回の残席は 1 席です',
      code: 'exam_full',
      seatsLeft: 1,
    });
    const pipe = answer(
      invalidFields([
        { field: 'name', key: 'isNotEmpty' },
        { field: 'note', key: 'invalid', text: 'is odd' },
      ]),
      'en',
    );
    expect(pipe).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'name is required; note: is odd',
      code: 'validation',
      errors: [
        { field: 'name', message: 'name is required' },
        { field: 'note', message: 'note: is odd' },
      ],
    });
  });
});
