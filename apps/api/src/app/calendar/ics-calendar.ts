import { createEvents, EventAttributes } from 'ics';

/** One entry of an iCalendar file: an event or an exam sitting, as a calendar shows it. */
export interface CalendarEntry {
  /** the same for the event in every file (single .ics, feeds, mail attachments) */
  uid: string;
  /** raised on every change, so clients replace what they stored */
  sequence: number;
  cancelled: boolean;
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  /** the event's page in the portal */
  url: string;
  updatedAt?: Date;
}

export interface CalendarHeader {
  /** shown by clients as the subscribed calendar's name */
  name: string;
  organizer: { name: string; email: string };
}

/** to the second (a date array would stop at minutes) */
const utc = (d: Date): number => Math.floor(d.getTime() / 1000) * 1000;

export const eventUid = (id: string) => `${id}@chamber-portal`;
export const sittingUid = (id: string) => `exam-${id}@chamber-portal`;

/**
 * An iCalendar file (RFC 5545) of the entries, times in UTC (every client shows them in local
 * time), the chamber as ORGANIZER. An empty feed is still a valid calendar.
 */
export function icsCalendar(entries: CalendarEntry[], header: CalendarHeader): string {
  const events: EventAttributes[] = entries.map((e) => ({
    uid: e.uid,
    sequence: e.sequence,
    title: e.title,
    description: e.description || undefined,
    location: e.location || undefined,
    start: utc(e.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utc(e.end > e.start ? e.end : new Date(e.start.getTime() + 3600_000)),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: e.cancelled ? 'CANCELLED' : 'CONFIRMED',
    url: e.url,
    organizer: { name: header.organizer.name, email: header.organizer.email },
    ...(e.updatedAt ? { lastModified: utc(e.updatedAt) } : {}),
  }));
  // a calendar's name is one line (the library writes X-WR-CALNAME as given)
  const calName = header.name.replace(/[\r\n]+/g, ' ');
  const headerAttributes = { productId: 'chamber-portal/calendar', calName };
  if (events.length === 0) {
    // the library refuses an empty list: write the calendar frame itself
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'PRODID:chamber-portal/calendar',
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${calName.replace(/[\\;,]/g, (c) => `\\${c}`)}`,
      'X-PUBLISHED-TTL:PT1H',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(events, headerAttributes);
  if (error || !value) throw error ?? new Error('iCalendar generation failed');
  return value;
}
