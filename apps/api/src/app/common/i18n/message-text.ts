import type { MessageParam } from './messages';

/** A param as text: a list joined with ", ", nothing as ''. */
export const text = (v: MessageParam | null | undefined): string => list(v, ', ');

/** A param as text, a list joined with `separator`. */
export function list(v: MessageParam | null | undefined, separator: string): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? v.join(separator) : String(v);
}
