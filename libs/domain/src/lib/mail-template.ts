/**
 * The mail templates staff edit: plain text with `{{ variable }}` placeholders and nothing else
 * (no sections, no helpers, no HTML: the mail layout escapes every value for the HTML part).
 * A placeholder is `{{`, a name of letters and digits, `}}`; anything else between braces is
 * refused as an unknown variable, and so is a brace outside a placeholder, so a typo never reaches
 * a recipient.
 */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Every placeholder's name, in order of first appearance. */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/** The placeholders that are not allowed (unknown names, malformed ones, stray `{{` or `}}`). */
export function unknownVariables(text: string, allowed: readonly string[]): string[] {
  const unknown = templateVariables(text).filter((n) => !NAME.test(n) || !allowed.includes(n));
  const rest = text.replace(PLACEHOLDER, '');
  const stray = /[{}]/.exec(rest);
  if (stray) unknown.push(stray[0]);
  return unknown;
}

/** The text with each placeholder replaced by its value ('' when the value is missing). */
export function fillTemplate(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(PLACEHOLDER, (_all, name: string) => values[name] ?? '');
}
