import type { ErrorCode, Language } from '@chamber/contracts';
import { text } from './message-text';
import { EN } from './messages.en';
import { JA } from './messages.ja';

/** Field rules of class-validator (and ours) whose names are message keys: `isNotEmpty`, `maxLength`, … */
export const FIELD_RULES = [
  'isNotEmpty',
  'isDefined',
  'isString',
  'isEmail',
  'isInt',
  'isNumber',
  'isBoolean',
  'isIn',
  'isEnum',
  'min',
  'max',
  'maxLength',
  'minLength',
  'isISO8601',
  'isDateString',
  'isArray',
  'arrayMinSize',
  'arrayMaxSize',
  'isUUID',
  'isObject',
  'nestedValidation',
  'whitelistValidation',
  'matches',
  'isKatakana',
  'isCorporateNumber',
  'exactlyOne',
  'consentRequired',
  'invalid',
  'controlCharacters',
  'tooDeep',
  'tooManyValues',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export type MessageParam = string | number | readonly (string | number)[];
export type MessageParams = Readonly<Record<string, MessageParam | null | undefined>>;
/** A sentence with `{name}` filled from the params (a list joined with ", "), or a function of them. */
export type Message = string | ((p: MessageParams) => string);

/**
 * What a catalogue of one language holds: a message for every ErrorCode and field rule, and more
 * precise sentences as `code.detail` (the error answers `code`; `validation.expires_in_past` is a
 * 400 `validation` saying which rule a field broke).
 */
export type Catalogue = Record<ErrorCode | FieldRule, Message> & Record<`${ErrorCode}.${string}`, Message>;

/** Every message key: the codes, the field rules and the details of the Japanese catalogue (English has the same). */
export type MessageKey = keyof typeof JA;

const CATALOGUES: Record<Language, Record<MessageKey, Message>> = { ja: JA, en: EN };

export function isFieldRule(key: string): key is FieldRule {
  return (FIELD_RULES as readonly string[]).includes(key);
}

/** The code an error with this message key answers: the part before the first dot. */
export function codeOf(key: MessageKey): ErrorCode {
  return key.split('.')[0] as ErrorCode;
}

export function translate(key: MessageKey, lang: Language, params: MessageParams = {}): string {
  const message = CATALOGUES[lang][key];
  if (typeof message === 'function') return message(params);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => text(params[name]));
}

/** `Accept-Language: en…` picks English; anything else (or nothing) Japanese. */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const value = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  if (!value) return 'ja';
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
