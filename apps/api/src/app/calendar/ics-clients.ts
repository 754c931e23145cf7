import { execFileSync } from 'child_process';
import ICAL from 'ical.js';

/** What a calendar client reads of one VEVENT. */
export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  url: string;
  organizer: string;
  start: string;
}

/**
 * Test helpers: an iCalendar text read by two parsers nobody here wrote — ical.js (Mozilla's, in
 * Thunderbird) and python-icalendar (Debian's python3-icalendar, installed by .ci/run: Debian's own /usr/bin/python3, not another one on PATH). Either
 * throws on a file it cannot read.
 */
export function readWithIcalJs(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') throw new Error(`not a calendar: ${calendar.name}`);
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const prop = (name: string) => String(v.getFirstPropertyValue(name) ?? '');
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: prop('status'),
      summary: e.summary,
      url: prop('url'),
      organizer: `${String(v.getFirstProperty('organizer')?.getParameter('cn') ?? '')} ${prop('organizer')}`,
      start: e.startDate.toJSDate().toISOString(),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''), events };
}

const PYTHON = `
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = []
for e in cal.walk('VEVENT'):
    org = e.get('ORGANIZER')
    out.append({'uid': str(e.get('UID')), 'sequence': int(e.get('SEQUENCE', 0)), 'status': str(e.get('STATUS', '')),
                'summary': str(e.get('SUMMARY', '')), 'url': str(e.get('URL', '')),
                'organizer': (str(org.params.get('CN', '')) + ' ' + str(org)) if org else '',
                'start': e.decoded('DTSTART').isoformat()})
print(json.dumps({'name': str(cal.get('X-WR-CALNAME', '')), 'events': out}))
`;

export function readWithPythonIcalendar(text: string): { name: string; events: ParsedEvent[] } {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON], { input: text, encoding: 'utf8' })) as {
    name: string;
    events: ParsedEvent[];
  };
}
