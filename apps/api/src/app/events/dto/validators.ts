import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { isKatakanaName, normalizeFurigana } from '@chamber/domain';

/** Constraint names are message keys of common/i18n/messages.ts (`isKatakana`, `isISO8601`). */
export function IsKatakana(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isKatakana',
      target: object.constructor,
      propertyName,
      options: { message: 'must be written in katakana', ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && isKatakanaName(v) },
    });
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO-8601 instant WITH its offset (…+09:00 or …Z): a bare local time would be read in the server's zone. */
export function IsInstant(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isISO8601',
      target: object.constructor,
      propertyName,
      options: { message: 'must be an ISO 8601 date-time with an offset', ...options },
      validator: {
        validate: (v: unknown) => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
      },
    });
}

/** Furigana as stored: hiragana and half-width converted to katakana, spaces collapsed. */
export const ToFurigana = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeFurigana(value) : value));

export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const ToLowerTrim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
