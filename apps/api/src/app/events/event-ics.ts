import { createEvent, DateArray } from 'ics';
import type { ChamberEvent } from './entities/event.entity';

const utc = (d: Date): DateArray => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

/** The event as an iCalendar file (times in UTC, which every calendar converts to local time). */
export function eventIcs(e: ChamberEvent, url: string | null): string {
  const description = [e.descriptionJa, e.descriptionEn].filter(Boolean).join('\n\n');
  const { error, value } = createEvent({
    uid: `${e.id}@chamber-portal`,
    productId: 'chamber-portal/events',
    title: e.titleEn ? `${e.titleJa} / ${e.titleEn}` : e.titleJa,
    description: description || undefined,
    location: e.venue,
    start: utc(e.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utc(e.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    ...(url ? { url } : {}),
  });
  if (error || !value) throw error ?? new Error('iCalendar generation failed');
  return value;
}
