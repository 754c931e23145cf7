import { HttpStatus } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@chamber/contracts';
import { DomainException } from '../common/errors';

export const PASSWORD_MIN = PASSWORD_MIN_LENGTH;
export const PASSWORD_MAX = 200;

// the common-password list of zxcvbn-ts (about 50,000 leaked passwords, most common first)
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** In the list, or a listed word with digits and signs around it ("Password2026!", "!!dragon1234"). */
function isCommon(lower: string): boolean {
  if (COMMON.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+/u, '').replace(/[\d\W_]+$/u, '');
  return core.length >= 4 && COMMON.has(core);
}

function refuse(field: string, ja: string, en: string): never {
  throw new DomainException(HttpStatus.BAD_REQUEST, { ja, en }, 'validation', {
    errors: [{ field, ja: `${field}: ${ja}`, en: `${field}: ${en}` }],
  });
}

/** 400 naming `newPassword` (or `field`; in the caller's language) unless the password is long and not a common one. */
export function checkNewPassword(password: string, email?: string, field = 'newPassword'): void {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN) {
    refuse(
      field,
      `パスワードは${PASSWORD_MIN}文字以上にしてください`,
      `The password must be at least ${PASSWORD_MIN} characters`,
    );
  }
  if (chars.length > PASSWORD_MAX) {
    refuse(
      field,
      `パスワードは${PASSWORD_MAX}文字以内にしてください`,
      `The password must be at most ${PASSWORD_MAX} characters`,
    );
  }
  const lower = password.toLowerCase();
  // "aaaaaaaaaaaa", "abababababab", "123412341234": long but guessed at once
  const repeated = /^(.{1,4})\1+$/u.test(lower) || new Set(chars).size < 4;
  const local = email?.split('@')[0]?.toLowerCase();
  if (isCommon(lower) || repeated || (local && local.length >= 4 && lower.includes(local))) {
    refuse(
      field,
      'よく使われるパスワードや推測されやすいパスワードは使えません',
      'This password is too common or too easy to guess',
    );
  }
}
