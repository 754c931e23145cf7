/** Kana rules for names (furigana) and for searching them. */

/** Hiragana → katakana; NFKC first so that half-width katakana (ｶﾅ) becomes full-width. */
export function toKatakana(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Furigana as stored: katakana, single spaces between words, hiragana and half-width accepted. */
export function normalizeFurigana(input: string): string {
  return toKatakana(input)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** Whether a furigana (after normalisation) holds only katakana, the long-vowel mark, middle dot and spaces. */
export function isKatakanaName(input: string): boolean {
  const value = normalizeFurigana(input);
  return value.length > 0 && /^[\u30a1-\u30fa\u30fc\u30fb\u30fd\u30fe ]+$/.test(value);
}

/**
 * A search key insensitive to hiragana/katakana, full/half width, case and spaces:
 * the same function is applied to stored names and to queries.
 */
export function searchKey(input: string): string {
  return toKatakana(input)
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');
}
