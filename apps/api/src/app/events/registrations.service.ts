import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import type {
  PublicRegistrationRequest,
  PublicRegistrationResponse,
  RegisterParticipantsRequest,
  RegisterParticipantsResponse,
  RegistrationResult,
  RegistrationSource,
} from '@chamber/contracts';
import { fiscalYearOf, registrationWindowState, searchKey } from '@chamber/domain';
import { DataSource, In, Not } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { DomainException, badRequest, forbidden } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { poolQuery } from '../database/pool-query';
import { MailOutbox } from '../mail/mail-outbox.service';
import { Member } from '../members/entities/member.entity';
import { KpiChangeBus, KpiChangeKey } from '../plan/kpi-change-bus';
import { ChamberEvent } from './entities/event.entity';
import { Registration } from './entities/registration.entity';
import { qrAttachment, registrationMail } from './event-mails';
import { conflictOn, isUniqueViolation, unknownEvent } from './event-views';
import { newCancelToken, newCheckInToken, pngDataUrl, qrPng, sha256 } from './qr-code';
import { EVENT_FOR_REGISTRATION_SQL, REGISTER_SQL } from './seat-sql';

/** One participant ready to insert: ids, tokens and (when a seat is likely) the QR image made in advance. */
interface Prepared {
  id: string;
  name: string;
  nameKana: string;
  email: string;
  searchKey: string;
  userId: string | null;
  school: string | null;
  graduationYear: number | null;
  cancelToken: string | null;
  checkInToken: string;
  qrPng: Buffer | null;
}

interface Claimed extends Prepared {
  status: 'registered' | 'waitlisted';
  waitlistPosition: number | null;
}

interface ClaimRow {
  id: string;
  status: 'registered' | 'waitlisted';
  position: number | null;
}

/** Where the database writes the waitlist position into the waitlisted mail's text. */
const POSITION_SLOT = '{{waitlistPosition}}';

const EMAIL_INDEX = 'registration_event_email_uq';

/** What a registration reads of its event before the transaction (the seats are read again under lock). */
type EventForRegistration = Pick<
  ChamberEvent,
  | 'id'
  | 'titleJa'
  | 'titleEn'
  | 'startsAt'
  | 'endsAt'
  | 'venue'
  | 'actionItemCode'
  | 'capacity'
  | 'taken'
  | 'waitlistCount'
  | 'audience'
  | 'status'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
>;

export function registrationSearchKey(name: string, nameKana: string, email: string): string {
  return `${searchKey(name)}|${searchKey(nameKana)}|${email}`;
}

/** Registration use cases: members and their companies, staff on someone's behalf, and the public form. */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** POST /api/events/:id/registrations: all participants or none. */
  async registerParticipants(
    eventId: string,
    dto: RegisterParticipantsRequest,
    user: AuthUser,
  ): Promise<RegisterParticipantsResponse> {
    const event = await this.openEvent(eventId);
    const participants = dto.participants;
    const ownEmail = user.email.toLowerCase();
    let source: RegistrationSource = 'member';
    let memberId: string | null = user.memberId;
    if (user.role === 'member') {
      if (participants.length !== 1 || participants[0]!.email !== ownEmail) {
        throw forbidden('会員の方はご本人のみお申込みいただけます', 'A member registers only themself');
      }
    } else if (user.role === 'member_admin') {
      if (!user.memberId) throw forbidden('会員企業に属していません', 'Your account belongs to no member company');
    } else {
      source = 'staff';
      memberId = dto.memberId ?? null;
      if (memberId && !(await this.dataSource.getRepository(Member).existsBy({ id: memberId }))) {
        throw badRequest('memberId', '会員企業が見つかりません', 'No such member company');
      }
    }
    if (dto.memberId && source !== 'staff') {
      throw badRequest('memberId', 'memberId は職員のみ指定できます', 'Only staff may set memberId');
    }

    const seen = new Map<string, number>();
    participants.forEach((p, i) => {
      const first = seen.get(p.email);
      if (first !== undefined) {
        throw badRequest(
          `participants.${i}.email`,
          `participants.${i}.email は participants.${first}.email と重複しています`,
          `participants.${i}.email repeats participants.${first}.email`,
        );
      }
      seen.set(p.email, i);
    });
    const existing = await this.dataSource.getRepository(Registration).find({
      select: { email: true },
      where: { eventId, email: In([...seen.keys()]), status: Not('cancelled') },
    });
    if (existing.length) {
      const i = seen.get(existing[0]!.email)!;
      throw this.alreadyRegistered(`participants.${i}.email`);
    }

    const seatsLikely = event.waitlistCount === 0 && event.taken + participants.length <= event.capacity;
    const prepared = participants.map((p) =>
      this.prepare(p, { userId: p.email === ownEmail && source === 'member' ? user.id : null, qr: seatsLikely }),
    );
    const claimed = await this.claim(event, prepared, { source, memberId, actorId: user.id }).catch((e: unknown) => {
      if (isUniqueViolation(e, EMAIL_INDEX)) throw this.alreadyRegistered('participants');
      throw e;
    });
    return {
      registrations: claimed.map(
        (c): RegistrationResult => ({
          id: c.id,
          status: c.status,
          waitlistPosition: c.waitlistPosition,
          name: c.name,
          email: c.email,
        }),
      ),
    };
  }

  /** POST /api/public/events/:id/registrations: students and the public, on their events only. */
  async registerPublic(eventId: string, dto: PublicRegistrationRequest): Promise<PublicRegistrationResponse> {
    const event = await this.openEvent(eventId);
    if (event.audience === 'members') {
      throw forbidden('このイベントは会員限定です', 'This event is for members only', 'members_only');
    }
    const seatsLikely = event.waitlistCount === 0 && event.taken < event.capacity;
    const prepared = this.prepare(dto, { userId: null, qr: seatsLikely, cancelToken: newCancelToken() });
    const [claimed] = await this.claim(event, [prepared], { source: 'public', memberId: null, actorId: null }).catch(
      (e: unknown) => {
        if (isUniqueViolation(e, EMAIL_INDEX)) throw this.alreadyRegistered('email');
        throw e;
      },
    );
    const c = claimed!;
    return {
      id: c.id,
      status: c.status,
      waitlistPosition: c.waitlistPosition,
      cancelToken: c.cancelToken!,
      qrCode: c.status === 'registered' && c.qrPng ? pngDataUrl(c.qrPng) : null,
      event: {
        id: event.id,
        title: { ja: event.titleJa, en: event.titleEn || event.titleJa },
        startsAt: event.startsAt.toISOString(),
        venue: event.venue,
      },
    };
  }

  /**
   * A registration is one statement (REGISTER_SQL): seats, rows, mails and the counter commit or
   * roll back together, and the event's row is locked only while the database works. Both mail
   * variants are written here beforehand, as the seat is decided under the lock.
   */
  private async claim(
    event: EventForRegistration,
    people: Prepared[],
    ctx: { source: RegistrationSource; memberId: string | null; actorId: string | null },
  ): Promise<Claimed[]> {
    // without PUBLIC_BASE_URL (development) the cancel link points at this server
    const publicBaseUrl = this.config.publicBaseUrl ?? `http://localhost:${this.config.port}`;
    const mail = (p: Prepared, status: 'registered' | 'waitlisted') =>
      registrationMail(
        event,
        { ...p, status, waitlistPosition: status === 'waitlisted' ? POSITION_SLOT : null },
        { qrPng: p.qrPng, cancelToken: p.cancelToken, publicBaseUrl },
      );
    const registeredMails = people.map((p) => mail(p, 'registered'));
    const waitlistedMails = people.map((p) => mail(p, 'waitlisted'));
    const mailIds = people.map(() => randomUUID());
    const key: KpiChangeKey = {
      actionItemCode: event.actionItemCode,
      measure: 'registrations',
      fiscalYear: fiscalYearOf(event.startsAt),
    };
    const rows = await poolQuery<ClaimRow>(this.dataSource, REGISTER_SQL, [
      event.id,
      people.length,
      ctx.source,
      ctx.memberId,
      ctx.actorId,
      people.map((p) => p.id),
      people.map((p) => p.name),
      people.map((p) => p.nameKana),
      people.map((p) => p.email),
      people.map((p) => p.searchKey),
      people.map((p) => p.userId),
      people.map((p) => p.school),
      people.map((p) => p.graduationYear),
      people.map((p) => (p.cancelToken ? sha256(p.cancelToken) : null)),
      people.map((p) => p.checkInToken),
      mailIds,
      registeredMails.map((m) => m.subject),
      registeredMails.map((m) => m.text),
      registeredMails.map((m) => JSON.stringify(m.attachments ?? [])),
      waitlistedMails.map((m) => m.subject),
      waitlistedMails.map((m) => m.text),
      registeredMails[0]!.kind,
      waitlistedMails[0]!.kind,
      this.mail.newMailStatus,
      POSITION_SLOT,
      key.actionItemCode,
      key.fiscalYear,
      JSON.stringify(key),
    ]);
    if (rows.length !== people.length) {
      throw conflictOn('id', 'このイベントは中止されました', 'This event has been cancelled', 'event_cancelled');
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    const claimed: Claimed[] = people.map((p) => {
      const row = byId.get(p.id)!;
      return { ...p, status: row.status, waitlistPosition: row.position === null ? null : Number(row.position) };
    });
    // a seat that looked taken when the QR codes were skipped: make the code now and attach it
    for (const [i, c] of claimed.entries()) {
      if (c.status !== 'registered' || c.qrPng) continue;
      c.qrPng = qrPng(c.checkInToken);
      await this.dataSource.query(`UPDATE mail_outbox SET attachments = $2::jsonb WHERE id = $1`, [
        mailIds[i],
        JSON.stringify([qrAttachment(c.qrPng)]),
      ]);
    }
    if (claimed.some((c) => c.status === 'registered')) KpiChangeBus.of(this.dataSource).publishAfterCommit([key]);
    this.mail.dispatch(mailIds);
    return claimed;
  }

  private prepare(
    p: { name: string; nameKana: string; email: string; school?: string | null; graduationYear?: number | null },
    opts: { userId: string | null; qr: boolean; cancelToken?: string },
  ): Prepared {
    const checkInToken = newCheckInToken();
    return {
      id: randomUUID(),
      name: p.name,
      nameKana: p.nameKana,
      email: p.email,
      searchKey: registrationSearchKey(p.name, p.nameKana, p.email),
      userId: opts.userId,
      school: p.school ?? null,
      graduationYear: p.graduationYear ?? null,
      cancelToken: opts.cancelToken ?? null,
      checkInToken,
      qrPng: opts.qr ? qrPng(checkInToken) : null,
    };
  }

  /** The event, if registration is open now (404 unknown, 409 cancelled or outside the window). */
  private async openEvent(eventId: string): Promise<EventForRegistration> {
    // plain SQL: the hottest read of a sign-up rush, without the ORM's entity building
    const [row] = await poolQuery<EventForRegistration>(this.dataSource, EVENT_FOR_REGISTRATION_SQL, [eventId]);
    if (!row) throw unknownEvent();
    const event = row;
    switch (registrationWindowState(event)) {
      case 'open':
        return event;
      case 'cancelled':
        throw conflictOn('id', 'このイベントは中止されました', 'This event has been cancelled', 'event_cancelled');
      case 'not_open_yet':
        throw conflictOn(
          'registrationOpensAt',
          '申込受付はまだ始まっていません',
          'Registration has not opened yet',
          'registration_not_open',
        );
      case 'closed':
        throw conflictOn(
          'registrationClosesAt',
          '申込受付は終了しました',
          'Registration has closed',
          'registration_closed',
        );
    }
  }

  private alreadyRegistered(field: string): DomainException {
    return new DomainException(
      HttpStatus.CONFLICT,
      { ja: 'このメールアドレスは既に申込み済みです', en: 'This email is already registered for the event' },
      'already_registered',
      {
        errors: [
          {
            field,
            ja: 'このメールアドレスは既に申込み済みです',
            en: 'This email is already registered for the event',
          },
        ],
      },
    );
  }
}
