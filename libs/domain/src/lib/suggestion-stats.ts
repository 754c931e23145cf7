/** How fast the suggestion box (目安箱) answers: pure figures for the staff stats. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Elapsed days (fractional) from receipt to answer; never negative. */
export function daysToAnswer(receivedAt: Date | string | number, answeredAt: Date | string | number): number {
  const ms = new Date(answeredAt).getTime() - new Date(receivedAt).getTime();
  return Math.max(0, ms / DAY_MS);
}

/** Whole days a suggestion has waited (until its answer, or until `now`). */
export function ageInDays(
  receivedAt: Date | string | number,
  answeredAt: Date | string | number | null,
  now: Date = new Date(),
): number {
  return Math.floor(daysToAnswer(receivedAt, answeredAt ?? now));
}

/** Median of numbers; null for none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ReceiptAndAnswer {
  receivedAt: Date | string | number;
  answeredAt: Date | string | number | null;
}

/** Median days from receipt to answer over the answered ones, to one decimal; null when none is answered. */
export function medianDaysToAnswer(items: readonly ReceiptAndAnswer[]): number | null {
  const days = items.filter((i) => i.answeredAt !== null).map((i) => daysToAnswer(i.receivedAt, i.answeredAt!));
  const m = median(days);
  return m === null ? null : Math.round(m * 10) / 10;
}

/** Answered of received, as a fraction; null when nothing was received. */
export function answerRate(received: number, answered: number): number | null {
  return received > 0 ? answered / received : null;
}
