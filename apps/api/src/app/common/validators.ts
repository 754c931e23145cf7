// The field rules every DTO shares. Constraint names are message keys of common/i18n/messages.ts
// (`isKatakana`, `isISO8601`, `isDateString`, `matches`, `isCorporateNumber`), so the exception
// filter writes each in the caller's language.
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import {
  isKatakanaName,
  isPlausibleBirthDate,
  isValidCorporateNumber,
  normalizeCorporateNumber,
  normalizeFurigana,
  normalizePhone,
  parseCalendarDate,
  tokyoDate,
} from '@chamber/domain';

function rule(name: string, validate: (v: unknown) => boolean, message: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      constraints: [],
      options: { message, ...options },
      validator: { validate },
    });
}

const transform = (fn: (value: string) => unknown) =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? fn(value) : value));

/** Trims strings (and composes them, NFC), so that '  ' is empty for IsNotEmpty. */
export const Trim = () => transform((v) => v.normalize('NFC').trim());

export const ToLowerTrim = () => transform((v) => v.normalize('NFC').trim().toLowerCase());

/** Furigana as stored: hiragana and half-width converted to katakana, spaces collapsed. */
export const ToFurigana = () => transform(normalizeFurigana);

export const IsKatakana = (options?: ValidationOptions) =>
  rule('isKatakana', (v) => typeof v === 'string' && isKatakanaName(v), 'must be written in katakana', options);

/** Furigana in one decorator: converted as ToFurigana, then checked as IsKatakana. */
export function IsFurigana(): PropertyDecorator {
  return (target, key) => {
    ToFurigana()(target, key);
    IsKatakana()(target, key as string);
  };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO-8601 instant WITH its offset (…+09:00 or …Z): a bare local time would be read in the server's zone. */
export const IsInstant = (options?: ValidationOptions) =>
  rule(
    'isISO8601',
    (v) => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
    'must be an ISO 8601 date-time with an offset',
    options,
  );

export const ToPhone = () => transform((v) => normalizePhone(v) ?? v);

export const IsPhone = () =>
  rule('matches', (v) => typeof v === 'string' && normalizePhone(v) !== null, 'must be a phone number');

export const IsBirthDate = () =>
  rule(
    'isDateString',
    (v) => typeof v === 'string' && isPlausibleBirthDate(v, tokyoDate(new Date())),
    'must be a date',
  );

/** 法人番号: full-width digits and hyphens tolerated, check digit verified. */
export function IsCorporateNumber(): PropertyDecorator {
  return (target, key) => {
    transform((v) => {
      const n = normalizeCorporateNumber(v);
      return n === '' ? null : n;
    })(target, key);
    rule(
      'isCorporateNumber',
      (v) => v === null || v === undefined || (typeof v === 'string' && isValidCorporateNumber(v)),
      `${String(key)} is invalid`,
    )(target, key as string);
  };
}

/**
 * Consent to the handling of personal data (個人情報の取扱い): left out is allowed (older clients),
 * given it must be exactly `true` — `false`, `null`, `"true"` are refused naming the field.
 */
export const IsConsent = () => rule('consentRequired', (v) => v === undefined || v === true, 'must be true');

/** Turns 2020/4/1 into 2020-04-01, and an instant into its calendar date in Asia/Tokyo. */
export function toCalendarDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const t = Date.parse(trimmed);
    return Number.isNaN(t) ? value : tokyoDate(t);
  }
  return parseCalendarDate(trimmed) ?? value;
}

/** A calendar date, YYYY-MM-DD (Asia/Tokyo); an ISO instant is read in Tokyo. */
export function IsCalendarDate(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => toCalendarDate(value))(target, key);
    rule(
      'isDateString',
      (v) => v === null || v === undefined || (typeof v === 'string' && parseCalendarDate(v) === v),
      `${String(key)} is invalid`,
    )(target, key as string);
  };
}
