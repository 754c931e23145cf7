/** Pure helpers of the exams pages (no Angular here), unit-tested beside. */
import type { ExamSitting } from '@chamber/contracts';

const TOKYO_OFFSET_MS = 9 * 3600_000;

/** `YYYY-MM-DDTHH:mm` as shown in a datetime-local input, read in Asia/Tokyo whatever the browser's zone. */
export function toTokyoInput(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value meant in Asia/Tokyo, as an ISO instant with its offset. */
export function fromTokyoInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  return `${value}:00+09:00`;
}

/** The sittings grouped by month of the exam day (Tokyo), in date order: `2026-06` → sittings. */
export function groupByMonth(sittings: readonly ExamSitting[]): { month: string; sittings: ExamSitting[] }[] {
  const groups = new Map<string, ExamSitting[]>();
  for (const s of [...sittings].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const month = s.date.slice(0, 7);
    const list = groups.get(month) ?? [];
    list.push(s);
    groups.set(month, list);
  }
  return [...groups].map(([month, list]) => ({ month, sittings: list }));
}

/** Whether a sitting takes applications from this caller now. */
export function canApply(s: ExamSitting, signedIn: boolean): boolean {
  return s.open && (signedIn || s.audience === 'public');
}

/** Today in Tokyo as YYYY-MM-DD. */
export function tokyoToday(now = new Date()): string {
  return new Date(now.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** A pass rate for people: `66.7%`, or an em dash when nobody sat. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A fee as shown to applicants, tax included (the chamber's fees are 税込): 4,720円（税込） / ¥4,720 (tax incl.). */
export function feeLabel(yen: number, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? `${yen.toLocaleString('ja-JP')}円（税込）` : `¥${yen.toLocaleString('en-US')} (tax incl.)`;
}
