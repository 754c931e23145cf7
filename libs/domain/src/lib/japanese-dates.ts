/**
 * Dates as Japanese documents write them, on the Asia/Tokyo calendar day: 2026年12月3日, or in the
 * Japanese era calendar (和暦) 令和8年12月3日, with an era's first year written 元年 (令和元年5月1日),
 * as certificates and official letters do. The era rules (which day an era starts) come from ICU
 * through Intl, so a future era arrives with the runtime's time-zone and calendar data.
 */
import { TOKYO_TIME_ZONE, tokyoAt } from './tokyo-time';

const WESTERN = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TOKYO_TIME_ZONE,
});
const ERA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TOKYO_TIME_ZONE,
});

export type DateStyle = 'western' | 'japanese_era';

/** A calendar date (YYYY-MM-DD, read as that day in Tokyo) or an instant. */
function instant(value: Date | string): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return tokyoAt(value, '12:00');
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return d;
}

/** 2026年12月3日 */
export function westernJapaneseDate(value: Date | string): string {
  return WESTERN.format(instant(value));
}

/** 令和8年12月3日; 令和元年5月1日 for an era's first year (ICU writes 元 there itself, checked here). */
export function japaneseEraDate(value: Date | string): string {
  const parts = ERA.formatToParts(instant(value));
  return parts.map((p) => (p.type === 'year' && p.value === '1' ? '元' : p.value)).join('');
}

export function japaneseDate(value: Date | string, style: DateStyle): string {
  return style === 'japanese_era' ? japaneseEraDate(value) : westernJapaneseDate(value);
}
