import { HttpStatus } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@chamber/contracts';
import { ApiException } from '../common/errors';
import type { MessageKey, MessageParams } from '../common/i18n/messages';

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

function refuse(field: string, key: MessageKey, params: MessageParams = {}): never {
  throw new ApiException(
    HttpStatus.BAD_REQUEST,
    key,
    params,
    { errors: [{ field, key, params, withField: true }] },
    'validation',
  );
}

/** 400 naming `newPassword` (or `field`; in the caller's language) unless the password is long and not a common one. */
export function checkNewPassword(password: string, email?: string, field = 'newPassword'): void {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN) {
    refuse(field, 'validation.password_too_short', { n: PASSWORD_MIN });
  }
  if (chars.length > PASSWORD_MAX) {
    refuse(field, 'validation.password_too_long', { n: PASSWORD_MAX });
  }
  const lower = password.toLowerCase();
  // "aaaaaaaaaaaa", "abababababab", "123412341234": long but guessed at once
  const repeated = /^(.{1,4})\1+$/u.test(lower) || new Set(chars).size < 4;
  const local = email?.split('@')[0]?.toLowerCase();
  if (isCommon(lower) || repeated || (local && local.length >= 4 && lower.includes(local))) {
    refuse(field, 'validation.password_common');
  }
}
