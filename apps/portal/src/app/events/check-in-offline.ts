import { CHECK_IN_SYNC_MAX_ITEMS } from '@chamber/contracts';
import type { CheckInRosterEntry } from '@chamber/contracts';
import { searchKey } from '@chamber/domain';

/** SHA-256 hex of a text (Web Crypto): how the device checks a scanned QR token against the roster. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** People whose name or furigana holds the query (hiragana, katakana, width and spaces alike). */
export function searchRoster(entries: readonly CheckInRosterEntry[], query: string, limit = 30): CheckInRosterEntry[] {
  const q = searchKey(query);
  if (!q) return [];
  return entries.filter((e) => searchKey(e.nameKana).includes(q) || searchKey(e.name).includes(q)).slice(0, limit);
}

/** Items in requests of at most `size` (the sync's limit). */
export function batches<T>(items: readonly T[], size = CHECK_IN_SYNC_MAX_ITEMS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Milliseconds to wait before the next attempt after `failures` failed ones: 2 s doubling, at most 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, failures - 1));
}

/** A device id made once per device: short, readable on the page, no personal data. */
export function newDeviceId(): string {
  return `device-${crypto.randomUUID().slice(0, 8)}`;
}
