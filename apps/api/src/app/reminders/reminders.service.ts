import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { tokyoAt, tokyoDate } from '@chamber/domain';
import { JobQueue } from '../jobs/job-queue.service';
import type { Language } from '@chamber/contracts';
import { greeting, MailContent, mailDateTime } from '../mail/mail-layout';
import { MailOutbox } from '../mail/mail-outbox.service';
import { MailRenderers } from '../mail/mail-renderers';

export const REMINDER_JOB = 'reminders.daily';

interface Due {
  id: string;
  email: string;
  name: string;
  title: string;
  starts_at: Date;
  venue: string;
  number?: string;
  title_en?: string;
}

const EVENT_DUE_SQL = `
SELECT r.id, r.email, r.name, e.title_ja AS title, coalesce(nullif(e.title_en, ''), e.title_ja) AS title_en,
       e.starts_at, e.venue
FROM registration r JOIN event e ON e.id = r.event_id WHERE r.id = $1`;
const EXAM_DUE_SQL = `
SELECT a.id, a.email, a.name, t.name_ja || ' ' || s.grade_code AS title,
       coalesce(nullif(t.name_en, ''), t.name_ja) || ' ' || s.grade_code AS title_en,
       s.starts_at, s.venue, a.examinee_number AS number
FROM exam_application a JOIN exam_sitting s ON s.id = a.sitting_id JOIN exam_type t ON t.code = s.exam_code
WHERE a.id = $1`;

const T = {
  ja: {
    eventSubject: (t: string) => `【明日開催】${t}`,
    examSubject: (t: string) => `【明日受験】${t}`,
    event: '明日のご参加をお待ちしております。',
    exam: '明日は検定試験です。受験番号をお控えのうえ、お越しください。',
    title: { event: 'イベント', exam: '試験' },
    number: '受験番号',
    when: '日時',
    venue: '会場',
  },
  en: {
    eventSubject: (t: string) => `Tomorrow: ${t}`,
    examSubject: (t: string) => `Your exam is tomorrow: ${t}`,
    event: 'We look forward to seeing you tomorrow.',
    exam: 'Your exam is tomorrow. Please bring your examinee number.',
    title: { event: 'Event', exam: 'Exam' },
    number: 'Examinee number',
    when: 'When',
    venue: 'Venue',
  },
} satisfies Record<Language, unknown>;

/**
 * The day before an event or an exam sitting, each registrant and examinee gets a reminder. Runs
 * every morning on the job queue (09:00 Asia/Tokyo); a reminder is recorded so that a retried or
 * repeated run never sends it twice.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly mail: MailOutbox,
    private readonly renderers: MailRenderers,
  ) {}

  onModuleInit(): void {
    this.jobs.register(REMINDER_JOB, () => this.sendDue(new Date()).then(() => undefined), { cron: '0 9 * * *' });
    this.renderers.register({
      event_reminder: async (m, db) => reminderMail('event', await this.due(db, EVENT_DUE_SQL, m.relatedId), m.lang),
      exam_reminder: async (m, db) => reminderMail('exam', await this.due(db, EXAM_DUE_SQL, m.relatedId), m.lang),
    });
  }

  private async due(db: EntityManager, sql: string, id: string | null): Promise<Due> {
    const [row] = (await db.query(sql, [id])) as Due[];
    if (!row) throw new Error(`reminder: ${id} not found`);
    return row;
  }

  /** Reminders for what starts tomorrow (Tokyo calendar day after `now`). Returns how many were queued. */
  async sendDue(now: Date): Promise<{ events: number; exams: number }> {
    const tomorrow = tokyoDate(new Date(now.getTime() + 86400_000));
    const from = tokyoAt(tomorrow);
    const to = new Date(from.getTime() + 86400_000);
    return this.dataSource.transaction(async (m) => {
      const events = (await m.query(
        `SELECT r.id, r.email, r.name, e.title_ja AS title, e.starts_at, e.venue
           FROM registration r JOIN event e ON e.id = r.event_id
          WHERE e.status = 'scheduled' AND e.starts_at >= $1 AND e.starts_at < $2 AND r.status = 'registered'
            AND NOT EXISTS (SELECT 1 FROM reminder_sent s WHERE s.kind = 'event' AND s.target_id = r.id)
          FOR UPDATE OF r SKIP LOCKED`,
        [from, to],
      )) as Due[];
      const exams = (await m.query(
        `SELECT a.id, a.email, a.name, t.name_ja || ' ' || s.grade_code AS title, s.starts_at, s.venue, a.examinee_number AS number
           FROM exam_application a JOIN exam_sitting s ON s.id = a.sitting_id JOIN exam_type t ON t.code = s.exam_code
          WHERE s.starts_at >= $1 AND s.starts_at < $2 AND a.status = 'applied'
            AND NOT EXISTS (SELECT 1 FROM reminder_sent x WHERE x.kind = 'exam' AND x.target_id = a.id)
          FOR UPDATE OF a SKIP LOCKED`,
        [from, to],
      )) as Due[];
      for (const [kind, rows] of [
        ['event', events],
        ['exam', exams],
      ] as const) {
        if (!rows.length) continue;
        await m.query(
          `INSERT INTO reminder_sent (kind, target_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [kind, rows.map((r) => r.id)],
        );
        await this.mail.enqueue(m, ...rows.map((r) => ({ kind: `${kind}_reminder`, to: r.email, relatedId: r.id })));
      }
      return { events: events.length, exams: exams.length };
    });
  }
}

function reminderMail(kind: 'event' | 'exam', r: Due, lang: Language): MailContent {
  const t = T[lang];
  const title = lang === 'en' ? (r.title_en ?? r.title) : r.title;
  return {
    subject: kind === 'event' ? t.eventSubject(title) : t.examSubject(title),
    greeting: greeting(r.name, lang),
    paragraphs: [kind === 'event' ? t.event : t.exam],
    facts: [
      { label: t.title[kind], value: title },
      ...(kind === 'exam' ? [{ label: t.number, value: r.number ?? '' }] : []),
      { label: t.when, value: mailDateTime(r.starts_at, lang) },
      { label: t.venue, value: r.venue },
    ],
    // event reminders may be reworded by staff (mail templates)
    ...(kind === 'event'
      ? { variables: { name: r.name, eventTitle: title, when: mailDateTime(r.starts_at, lang), venue: r.venue } }
      : {}),
  };
}
