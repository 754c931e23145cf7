/**
 * The texts of one person that an erasure looks for in every text column of every table: their
 * stored emails, names, kana, phones and schools. Short values are left out (a one-character name
 * would blank unrelated text); each value once, longest first (so "山田 太郎" goes before "山田").
 */
export function sweepTerms(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const raw of values) {
    const v = raw?.trim();
    if (!v || [...v].length < 2) continue;
    if (v === ERASED_NAME || v === ERASED_KANA || v.endsWith(ERASED_EMAIL_DOMAIN)) continue;
    seen.add(v);
    // the same name as people type it: without its space, with a full-width space
    if (/[ \u3000]/.test(v)) {
      seen.add(v.replace(/[ \u3000]+/g, ''));
      seen.add(v.replace(/[ \u3000]+/g, ' '));
      seen.add(v.replace(/[ \u3000]+/g, '\u3000'));
    }
  }
  return [...seen].filter((v) => [...v].length >= 2).sort((a, b) => b.length - a.length);
}

/** What an erased name, kana and email become. */
export const ERASED_NAME = '（削除済み）';
export const ERASED_KANA = 'サクジョズミ';
export const ERASED_EMAIL_DOMAIN = '@erased.invalid';
export const erasedEmail = (rowId: string) => `erased-${rowId}${ERASED_EMAIL_DOMAIN}`;

/** A term as it appears inside a JSON text (quotes and backslashes escaped). */
export function jsonEscaped(term: string): string {
  return JSON.stringify(term).slice(1, -1);
}
