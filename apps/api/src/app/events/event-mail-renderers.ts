import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LinkTokens } from '../common/link-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { publicBaseUrl } from '../common/public-url';
import { CalendarService } from '../calendar/calendar.service';
import type { MailAttachment, MailIntentRow } from '../mail/mail-intent';
import type { MailContent } from '../mail/mail-layout';
import { MailRenderers } from '../mail/mail-renderers';
import {
  cancelLink,
  eventCancelledMail,
  followUpMail,
  MailEvent,
  promotedMail,
  registrationCancelledMail,
  registrationMail,
} from './event-mails';
import { ChamberEvent } from './entities/event.entity';
import { qrPng } from './qr-code';
import { cancelTokenOf, checkInTokenOf } from './registration-tokens';

interface RegistrationForMail {
  id: string;
  name: string;
  cancelTokenHash: string | null;
  checkInTokenHash: string;
  eventId: string;
  event: MailEvent;
}

const REGISTRATION_FOR_MAIL_SQL = `
SELECT r.id, r.name, r.cancel_token_hash, r.check_in_token_hash, r.event_id,
       e.title_ja, e.title_en, e.starts_at, e.ends_at, e.venue
FROM registration r JOIN event e ON e.id = r.event_id WHERE r.id = $1`;

/** The mails about registrations, rendered when they are sent: QR codes and links made then. */
@Injectable()
export class EventMailRenderers implements OnModuleInit {
  constructor(
    private readonly renderers: MailRenderers,
    private readonly tokens: LinkTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: CalendarService,
  ) {}

  onModuleInit(): void {
    this.renderers.register({
      registration_confirmed: (m, db) => this.confirmation(m, db, 'registered'),
      registration_waitlisted: (m, db) => this.confirmation(m, db, 'waitlisted'),
      registration_promoted: async (m, db) => {
        const r = await this.registration(db, m);
        const cancelToken = cancelTokenOf(this.tokens, r);
        return promotedMail(
          r.event,
          r,
          {
            qrPng: qrPng(await checkInTokenOf(db, this.tokens, r)),
            ics: await this.ics(db, r),
            cancelToken,
            cancelUrl: cancelToken ? cancelLink(publicBaseUrl(this.config), cancelToken) : null,
          },
          m.lang,
        );
      },
      registration_cancelled: async (m, db) => {
        const r = await this.registration(db, m);
        return registrationCancelledMail(r.event, r, m.lang);
      },
      event_cancelled: async (m, db) => {
        const r = await this.registration(db, m);
        return eventCancelledMail(r.event, r, (m.params['reason'] as string | null) ?? null, m.lang);
      },
      follow_up_attendees: (m, db) => this.followUp(m, db),
      follow_up_no_shows: (m, db) => this.followUp(m, db),
    });
  }

  private async confirmation(
    m: MailIntentRow,
    db: EntityManager,
    status: 'registered' | 'waitlisted',
  ): Promise<MailContent> {
    const r = await this.registration(db, m);
    const cancelToken = cancelTokenOf(this.tokens, r);
    const base = publicBaseUrl(this.config);
    return registrationMail(
      r.event,
      { ...r, status, waitlistPosition: (m.params['waitlistPosition'] as number | undefined) ?? null },
      {
        qrPng: status === 'registered' ? qrPng(await checkInTokenOf(db, this.tokens, r)) : null,
        ics: status === 'registered' ? await this.ics(db, r) : null,
        cancelToken,
        cancelUrl: cancelToken ? cancelLink(base, cancelToken) : null,
      },
      m.lang,
    );
  }

  private async followUp(m: MailIntentRow, db: EntityManager): Promise<MailContent> {
    const r = await this.registration(db, m);
    return followUpMail(r.event, r, String(m.params['subject'] ?? ''), String(m.params['body'] ?? ''), m.lang);
  }

  /** The event's own .ics (the same UID and SEQUENCE as its download and the feeds). */
  private async ics(db: EntityManager, r: RegistrationForMail): Promise<MailAttachment> {
    const event = await db.findOneByOrFail(ChamberEvent, { id: r.eventId });
    return {
      filename: 'event.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: Buffer.from(await this.calendar.eventIcs(event), 'utf8'),
    };
  }

  private async registration(db: EntityManager, m: MailIntentRow): Promise<RegistrationForMail> {
    const [row] = (await db.query(REGISTRATION_FOR_MAIL_SQL, [m.relatedId])) as Record<string, never>[];
    if (!row) throw new Error(`mail ${m.id}: registration ${m.relatedId} not found`);
    return {
      id: row['id'],
      name: row['name'],
      cancelTokenHash: row['cancel_token_hash'],
      checkInTokenHash: row['check_in_token_hash'],
      eventId: row['event_id'],
      event: {
        titleJa: row['title_ja'],
        titleEn: row['title_en'],
        startsAt: row['starts_at'],
        endsAt: row['ends_at'],
        venue: row['venue'],
      },
    };
  }
}
