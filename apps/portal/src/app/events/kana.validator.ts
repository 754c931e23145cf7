import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isKatakanaName } from '@chamber/domain';

/** Furigana in katakana; hiragana and half-width kana pass (the API converts them). Empty is left to `required`. */
export const kanaValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const value = (control.value ?? '').trim();
  if (value === '') return null;
  return isKatakanaName(value) ? null : { kana: true };
};
