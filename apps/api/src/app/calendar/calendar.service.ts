import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarFeedResponse } from '@chamber/contracts';
import { createHmac, timingSafeEqual } from 'crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { ChamberService } from '../chamber/chamber.service';
import { notFound } from '../common/errors';
import { absoluteUrl } from '../common/public-url';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { ChamberEvent } from '../events/entities/event.entity';
import { CalendarEntry, CalendarHeader, eventUid, icsCalendar, sittingUid } from './ics-calendar';

interface EventRow {
  id: string;
  title_ja: string;
  title_en: string;
  description_ja: string;
  description_en: string;
  venue: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  audience: string;
  ics_sequence: number;
  updated_at: Date;
  /** personal feed: the caller's own registration was cancelled */
  mine_cancelled?: boolean;
}

interface SittingRow {
  id: string;
  exam_ja: string;
  exam_en: string;
  grade_code: string;
  venue: string;
  starts_at: Date;
  ends_at: Date | null;
  ics_sequence: number;
  mine_cancelled?: boolean;
}

const EVENT_COLUMNS = `e.id, e.title_ja, e.title_en, e.description_ja, e.description_en, e.venue, e.starts_at,
  e.ends_at, e.status, e.audience, e.ics_sequence, e.updated_at`;
const SITTING_COLUMNS = `s.id, t.name_ja AS exam_ja, t.name_en AS exam_en, s.grade_code, s.venue, s.starts_at,
  s.ends_at, s.ics_sequence`;
/** feeds reach this far back, so a calendar keeps the recent past */
const FEED_PAST_DAYS = 90;
const TOKEN_ID_BYTES = 16;
const TOKEN_MAC_BYTES = 18;

const b64url = (b: Buffer) => b.toString('base64url');

/**
 * Calendars: the `.ics` of one event, the public feed (events and sittings open to the public or
 * students) and each account's secret personal feed of its registrations and exam applications.
 * A personal feed URL is derived, not stored: the account id and an HMAC of (id, version) under a
 * key derived from the server's secret. Rotating raises the version: the old URL stops at once.
 */
@Injectable()
export class CalendarService {
  private readonly feedKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly chamber: ChamberService,
  ) {
    this.feedKey = createHmac('sha256', config.jwtSecret).update('calendar-feed-key/v1').digest();
  }

  /** GET /api/events/:id.ics */
  async eventIcs(event: ChamberEvent): Promise<string> {
    const row: EventRow = {
      id: event.id,
      title_ja: event.titleJa,
      title_en: event.titleEn,
      description_ja: event.descriptionJa,
      description_en: event.descriptionEn,
      venue: event.venue,
      starts_at: event.startsAt,
      ends_at: event.endsAt,
      status: event.status,
      audience: event.audience,
      ics_sequence: event.icsSequence,
      updated_at: event.updatedAt,
    };
    const header = await this.header();
    return icsCalendar([this.eventEntry(row)], { ...header, name: event.titleJa });
  }

  /** GET /api/calendar/public.ics */
  async publicFeed(): Promise<string> {
    const since = new Date(Date.now() - FEED_PAST_DAYS * 86400_000);
    const events = (await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM event e WHERE e.audience IN ('public', 'students') AND e.ends_at >= $1 ORDER BY e.starts_at`,
      [since],
    )) as EventRow[];
    const sittings = (await this.dataSource.query(
      `SELECT ${SITTING_COLUMNS} FROM exam_sitting s JOIN exam_type t ON t.code = s.exam_code
       WHERE s.audience = 'public' AND s.starts_at >= $1 ORDER BY s.starts_at`,
      [since],
    )) as SittingRow[];
    const header = await this.header();
    return icsCalendar([...events.map((e) => this.eventEntry(e)), ...sittings.map((s) => this.sittingEntry(s))], {
      ...header,
      name: `${header.organizer.name} 公開行事・検定`,
    });
  }

  /** GET /api/me/calendar */
  async feedUrl(user: AuthUser): Promise<CalendarFeedResponse> {
    const version = await this.version(user.id);
    return { url: absoluteUrl(this.config, `/api/calendar/feeds/${this.token(user.id, version)}.ics`) };
  }

  /** POST /api/me/calendar/rotate: a new URL; the old one is refused from now on. */
  async rotate(user: AuthUser): Promise<CalendarFeedResponse> {
    await this.dataSource.query(
      `INSERT INTO calendar_feed (user_id, version) VALUES ($1, 1)
       ON CONFLICT (user_id) DO UPDATE SET version = calendar_feed.version + 1, rotated_at = now()`,
      [user.id],
    );
    return this.feedUrl(user);
  }

  /** GET /api/calendar/feeds/:token.ics: 404 for a made-up, rotated or deactivated account's token. */
  async personalFeed(token: string): Promise<string> {
    const userId = await this.verify(token);
    const [account] = (await this.dataSource.query(`SELECT id, email FROM user_account WHERE id = $1 AND active`, [
      userId,
    ])) as { id: string; email: string }[];
    if (!account) throw unknownFeed();
    const since = new Date(Date.now() - FEED_PAST_DAYS * 86400_000);
    // one entry per event even when the account registered several people (a company contact)
    const events = (await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS}, bool_and(r.status = 'cancelled') AS mine_cancelled
       FROM registration r JOIN event e ON e.id = r.event_id
       WHERE (r.user_id = $1 OR r.email = $2) AND e.ends_at >= $3
       GROUP BY e.id ORDER BY e.starts_at`,
      [account.id, account.email.toLowerCase(), since],
    )) as EventRow[];
    const sittings = (await this.dataSource.query(
      `SELECT ${SITTING_COLUMNS}, bool_and(a.status = 'cancelled') AS mine_cancelled
       FROM exam_application a JOIN exam_sitting s ON s.id = a.sitting_id JOIN exam_type t ON t.code = s.exam_code
       WHERE (a.user_id = $1 OR a.email = $2) AND s.starts_at >= $3
       GROUP BY s.id, t.name_ja, t.name_en ORDER BY s.starts_at`,
      [account.id, account.email.toLowerCase(), since],
    )) as SittingRow[];
    const header = await this.header();
    return icsCalendar([...events.map((e) => this.eventEntry(e)), ...sittings.map((s) => this.sittingEntry(s))], {
      ...header,
      name: `${header.organizer.name} マイカレンダー`,
    });
  }

  private eventEntry(e: EventRow): CalendarEntry {
    const page = e.audience === 'members' ? `/events/${e.id}` : `/public/events/${e.id}`;
    const mineCancelled = e.mine_cancelled === true;
    return {
      uid: eventUid(e.id),
      // a cancelled registration is a change of this calendar's copy: raise it past the event's own
      sequence: e.ics_sequence + (mineCancelled ? 1 : 0),
      cancelled: e.status === 'cancelled' || mineCancelled,
      title: e.title_en ? `${e.title_ja} / ${e.title_en}` : e.title_ja,
      description: [e.description_ja, e.description_en].filter(Boolean).join('\n\n'),
      location: e.venue,
      start: new Date(e.starts_at),
      end: new Date(e.ends_at),
      url: absoluteUrl(this.config, page),
      updatedAt: new Date(e.updated_at),
    };
  }

  private sittingEntry(s: SittingRow): CalendarEntry {
    const start = new Date(s.starts_at);
    const mineCancelled = s.mine_cancelled === true;
    return {
      uid: sittingUid(s.id),
      sequence: s.ics_sequence + (mineCancelled ? 1 : 0),
      cancelled: mineCancelled,
      title: `${s.exam_ja} ${s.grade_code} / ${s.exam_en}`,
      description: '',
      location: s.venue,
      start,
      end: s.ends_at ? new Date(s.ends_at) : new Date(start.getTime() + 2 * 3600_000),
      url: absoluteUrl(this.config, `/exams/${s.id}/apply`),
    };
  }

  /** The chamber as ORGANIZER: its name, its address or the sender's. */
  private async header(): Promise<Omit<CalendarHeader, 'name'> & { name: string }> {
    const profile = await this.chamber.profile();
    const email = profile.email || /<([^>]+)>/.exec(this.config.mailFrom)?.[1] || this.config.mailFrom;
    return { name: profile.name.ja, organizer: { name: profile.name.ja, email } };
  }

  private async version(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT version FROM calendar_feed WHERE user_id = $1`, [userId])) as {
      version: number;
    }[];
    return row?.version ?? 0;
  }

  private mac(userId: string, version: number): Buffer {
    return createHmac('sha256', this.feedKey).update(`${userId}:${version}`).digest().subarray(0, TOKEN_MAC_BYTES);
  }

  private token(userId: string, version: number): string {
    const id = Buffer.from(userId.replace(/-/g, ''), 'hex');
    return b64url(Buffer.concat([id, this.mac(userId, version)]));
  }

  private async verify(token: string): Promise<string> {
    const bytes = /^[A-Za-z0-9_-]{1,100}$/.test(token) ? Buffer.from(token, 'base64url') : Buffer.alloc(0);
    // canonical form only: base64url leaves spare bits in its last character
    if (bytes.length !== TOKEN_ID_BYTES + TOKEN_MAC_BYTES || b64url(bytes) !== token) throw unknownFeed();
    const hex = bytes.subarray(0, TOKEN_ID_BYTES).toString('hex');
    const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const expected = this.mac(userId, await this.version(userId));
    if (!timingSafeEqual(expected, bytes.subarray(TOKEN_ID_BYTES))) throw unknownFeed();
    return userId;
  }
}

const unknownFeed = () => notFound('unknown_feed');
