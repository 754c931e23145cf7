import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';
import { isKatakanaName, isPlausibleBirthDate, normalizeFurigana, normalizePhone, tokyoDate } from '@chamber/domain';

/** Furigana: hiragana and half-width accepted, stored as katakana. */
export const ToFurigana = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeFurigana(value) : value));

export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const ToLowerTrim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const ToPhone = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value));

/** Constraint names are message keys (common/i18n/messages.ts): `isKatakana`, `matches`. */
export function IsKatakana() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isKatakana',
      target: object.constructor,
      propertyName,
      options: { message: 'must be written in katakana' },
      validator: { validate: (v: unknown) => typeof v === 'string' && isKatakanaName(v) },
    });
}

export function IsBirthDate() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateString',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a date' },
      validator: {
        validate: (v: unknown) => typeof v === 'string' && isPlausibleBirthDate(v, tokyoDate(new Date())),
      },
    });
}

export function IsPhone() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'matches',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a phone number' },
      validator: { validate: (v: unknown) => typeof v === 'string' && normalizePhone(v) !== null },
    });
}
