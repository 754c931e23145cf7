import type { Language } from '@chamber/contracts';

/** Error messages people see, in both languages. `{field}` and `{n}` are filled in. */
const MESSAGES = {
  isNotEmpty: { ja: '{field} は必須です', en: '{field} is required' },
  isDefined: { ja: '{field} は必須です', en: '{field} is required' },
  isString: { ja: '{field} は文字列で入力してください', en: '{field} must be text' },
  isEmail: { ja: '{field} は正しいメールアドレスではありません', en: '{field} must be a valid email address' },
  isInt: { ja: '{field} は整数で入力してください', en: '{field} must be a whole number' },
  isNumber: { ja: '{field} は数値で入力してください', en: '{field} must be a number' },
  isBoolean: { ja: '{field} は true か false で指定してください', en: '{field} must be true or false' },
  isIn: { ja: '{field} は次のいずれかを指定してください: {n}', en: '{field} must be one of: {n}' },
  isEnum: { ja: '{field} は次のいずれかを指定してください: {n}', en: '{field} must be one of: {n}' },
  min: { ja: '{field} は {n} 以上にしてください', en: '{field} must be at least {n}' },
  max: { ja: '{field} は {n} 以下にしてください', en: '{field} must be at most {n}' },
  maxLength: { ja: '{field} は {n} 文字以内で入力してください', en: '{field} must be at most {n} characters' },
  minLength: { ja: '{field} は {n} 文字以上で入力してください', en: '{field} must be at least {n} characters' },
  isISO8601: { ja: '{field} は日時（ISO 8601）で入力してください', en: '{field} must be an ISO 8601 date-time' },
  isDateString: { ja: '{field} は日付で入力してください', en: '{field} must be a date' },
  isArray: { ja: '{field} は配列で指定してください', en: '{field} must be a list' },
  arrayMinSize: { ja: '{field} は {n} 件以上必要です', en: '{field} needs at least {n} entries' },
  arrayMaxSize: { ja: '{field} は {n} 件までです', en: '{field} takes at most {n} entries' },
  isUUID: { ja: '{field} は正しいIDではありません', en: '{field} must be a valid id' },
  isObject: { ja: '{field} はオブジェクトで指定してください', en: '{field} must be an object' },
  nestedValidation: { ja: '{field} の形式が正しくありません', en: '{field} is malformed' },
  whitelistValidation: { ja: '{field} は受け付けられない項目です', en: '{field} is not an accepted field' },
  matches: { ja: '{field} の形式が正しくありません', en: '{field} has the wrong format' },
  isKatakana: { ja: '{field} はカタカナで入力してください', en: '{field} must be written in katakana' },
  isCorporateNumber: {
    ja: '{field} は正しい法人番号（13桁、チェックデジット）ではありません',
    en: '{field} must be a valid 13-digit corporate number (check digit)',
  },
  exactlyOne: { ja: '{field} はどちらか一方だけを指定してください', en: 'give exactly one of {field}' },
  consentRequired: {
    ja: '{field}: 個人情報の取扱いへの同意が必要です',
    en: '{field}: consent to the handling of personal data is required',
  },
  invalid: { ja: '{field} の値が正しくありません', en: '{field} is invalid' },
  controlCharacters: {
    ja: '{field} に使用できない制御文字が含まれています',
    en: '{field} contains control characters that are not accepted',
  },
  tooDeep: {
    ja: '{field} の入れ子が深すぎます（{n} 段まで）',
    en: '{field} is nested too deeply (at most {n} levels)',
  },
  tooManyValues: { ja: '{field} の項目が多すぎます（{n} 個まで）', en: '{field} holds too many values (at most {n})' },
  // whole-request messages
  validationFailed: { ja: '入力内容に誤りがあります', en: 'The request has invalid fields' },
  invalidJson: { ja: 'リクエストの本文が正しいJSONではありません', en: 'The request body is not valid JSON' },
  unauthorized: { ja: 'ログインが必要です', en: 'Sign-in required' },
  badCredentials: { ja: 'メールアドレスまたはパスワードが正しくありません', en: 'Wrong email or password' },
  forbidden: { ja: 'この操作を行う権限がありません', en: 'You are not allowed to do this' },
  notFound: { ja: '見つかりません', en: 'Not found' },
  tooManyRequests: {
    ja: 'リクエストが多すぎます。しばらくしてから再度お試しください',
    en: 'Too many requests; please try again later',
  },
  idempotencyInProgress: {
    ja: '同じリクエストを処理中です',
    en: 'A request with this Idempotency-Key is still being processed',
  },
  payloadTooLarge: { ja: 'リクエストが大きすぎます', en: 'The request is too large' },
  internal: { ja: 'サーバーでエラーが発生しました', en: 'Something went wrong on the server' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

export function translate(
  key: MessageKey,
  lang: Language,
  params: { field?: string; n?: string | number } = {},
): string {
  return MESSAGES[key][lang].replace('{field}', params.field ?? '').replace('{n}', String(params.n ?? ''));
}

/** `Accept-Language: en…` picks English; anything else (or nothing) Japanese. */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const value = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  if (!value) return 'ja';
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}
