import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import {
  isKatakanaName,
  isValidCorporateNumber,
  normalizeCorporateNumber,
  normalizeFurigana,
  parseCalendarDate,
  tokyoDate,
} from '@chamber/domain';

function rule(name: string, validate: (v: unknown) => boolean, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      constraints: [],
      options: { message: `${propertyName} is invalid`, ...options },
      validator: { validate },
    });
}

/** Furigana: hiragana and half-width accepted, stored as katakana (message key isKatakana). */
export function IsFurigana(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeFurigana(value) : value))(
      target,
      key,
    );
    rule('isKatakana', (v) => typeof v === 'string' && isKatakanaName(v))(target, key as string);
  };
}

/** 法人番号: full-width digits and hyphens tolerated, check digit verified (message key isCorporateNumber). */
export function IsCorporateNumber(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const n = normalizeCorporateNumber(value);
      return n === '' ? null : n;
    })(target, key);
    rule(
      'isCorporateNumber',
      (v) => v === null || v === undefined || (typeof v === 'string' && isValidCorporateNumber(v)),
    )(target, key as string);
  };
}

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

/** A calendar date, YYYY-MM-DD (Asia/Tokyo); an ISO instant is read in Tokyo (message key isDateString). */
export function IsCalendarDate(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => toCalendarDate(value))(target, key);
    rule('isDateString', (v) => v === null || v === undefined || (typeof v === 'string' && parseCalendarDate(v) === v))(
      target,
      key as string,
    );
  };
}

/** Trims strings (and NFC), so that '  ' is empty for IsNotEmpty. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.normalize('NFC').trim() : value,
  );
}
