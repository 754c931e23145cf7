import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import type {
  Language,
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
import { ApiException, badRequest, forbidden } from '../common/errors';
import { LinkTokens } from '../common/link-tokens';
import { MailOutbox } from '../mail/mail-outbox.service';
import { Member } from '../members/entities/member.entity';
import { KpiChangeBus, KpiChangeKey } from '../plan/kpi-change-bus';
import { Registration } from './entities/registration.entity';
import { conflictOn, isUniqueViolation, unknownEvent } from './event-views';
import { pngDataUrl, qrPng } from './qr-code';
import { EventForRegistration, RegistrationRepository } from './registration.repository';
import type { ParticipantRow, RegisteredRow } from './registration-sql';

interface Participant {
  name: string;
  nameKana: string;
  email: string;
  school?: string | null;
  graduationYear?: number | null;
}

const EMAIL_INDEX = 'registration_event_email_uq';

export function registrationSearchKey(name: string, nameKana: string, email: string): string {
  return `${searchKey(name)}|${searchKey(nameKana)}|${email}`;
}

/** Registration use cases: members and their companies, staff on someone's behalf, and the public form. */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationRepository,
    private readonly mail: MailOutbox,
    private readonly tokens: LinkTokens,
  ) {}

  /** POST /api/events/:id/registrations: all participants or none. */
  async registerParticipants(
    eventId: string,
    dto: RegisterParticipantsRequest,
    user: AuthUser,
    /** the form's language: the caller's own confirmation is written in it, others' in Japanese */
    lang: Language = 'ja',
  ): Promise<RegisterParticipantsResponse> {
    const event = await this.openEvent(eventId);
    const participants = dto.participants;
    const ownEmail = user.email.toLowerCase();
    let source: RegistrationSource = 'member';
    let memberId: string | null = user.memberId;
    if (user.role === 'member') {
      if (participants.length !== 1 || participants[0]!.email !== ownEmail) {
        throw forbidden('member_registers_self_only');
      }
    } else if (user.role === 'member_admin') {
      if (!user.memberId) throw forbidden('no_member_company');
    } else {
      source = 'staff';
      memberId = dto.memberId ?? null;
      if (memberId && !(await this.dataSource.getRepository(Member).existsBy({ id: memberId }))) {
        throw badRequest('memberId', 'validation.unknown_member');
      }
    }
    if (dto.memberId && source !== 'staff') {
      throw badRequest('memberId', 'validation.member_id_staff_only');
    }

    const seen = new Map<string, number>();
    participants.forEach((p, i) => {
      const first = seen.get(p.email);
      if (first !== undefined) {
        throw badRequest(`participants.${i}.email`, 'validation.email_repeated', {
          first: `participants.${first}.email`,
        });
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

    const rows = participants.map((p, i) =>
      this.participantRow(p, i, {
        userId: p.email === ownEmail && source === 'member' ? user.id : null,
        publicCancel: false,
        lang: p.email === ownEmail ? lang : 'ja',
      }),
    );
    const placed = await this.claim(event, rows, { source, memberId, actorId: user.id }).catch((e: unknown) => {
      if (isUniqueViolation(e, EMAIL_INDEX)) throw this.alreadyRegistered('participants');
      throw e;
    });
    return {
      registrations: placed.map(
        (r, i): RegistrationResult => ({
          id: r.id,
          status: r.status,
          waitlistPosition: r.position,
          name: rows[i]!.name,
          email: rows[i]!.email,
        }),
      ),
    };
  }

  /** POST /api/public/events/:id/registrations: students and the public, on their events only. */
  async registerPublic(
    eventId: string,
    dto: PublicRegistrationRequest,
    lang: Language = 'ja',
  ): Promise<PublicRegistrationResponse> {
    const event = await this.openEvent(eventId);
    if (event.audience === 'members') {
      throw forbidden('members_only');
    }
    const row = this.participantRow(dto, 0, { userId: null, publicCancel: true, lang });
    const [placed] = await this.claim(event, [row], { source: 'public', memberId: null, actorId: null }).catch(
      (e: unknown) => {
        if (isUniqueViolation(e, EMAIL_INDEX)) throw this.alreadyRegistered('email');
        throw e;
      },
    );
    const registered = placed!.status === 'registered';
    return {
      id: placed!.id,
      status: placed!.status,
      waitlistPosition: placed!.position,
      cancelToken: this.tokens.token('registration_cancel', row.id),
      qrCode: registered ? pngDataUrl(qrPng(this.tokens.token('registration_check_in', row.id))) : null,
      event: {
        id: event.id,
        title: { ja: event.titleJa, en: event.titleEn || event.titleJa },
        startsAt: event.startsAt.toISOString(),
        venue: event.venue,
      },
    };
  }

  /**
   * A registration is one statement (register_participants): seats, rows, mail intents and the
   * counter commit or roll back together, and the event's row is locked only while the database
   * works. The mails are rendered when the queue sends them.
   */
  private async claim(
    event: EventForRegistration,
    people: ParticipantRow[],
    ctx: { source: RegistrationSource; memberId: string | null; actorId: string | null },
  ): Promise<RegisteredRow[]> {
    const key: KpiChangeKey = {
      actionItemCode: event.actionItemCode,
      measure: 'registrations',
      fiscalYear: fiscalYearOf(event.startsAt),
    };
    const rows = await this.registrations.register({
      eventId: event.id,
      people,
      source: ctx.source,
      memberId: ctx.memberId,
      registeredBy: ctx.actorId,
      mailStatus: this.mail.newMailStatus,
      fiscalYear: key.fiscalYear,
    });
    if (rows.length !== people.length) {
      throw conflictOn('id', 'event_cancelled.registration');
    }
    if (rows.some((r) => r.status === 'registered')) KpiChangeBus.of(this.dataSource).publishAfterCommit([key]);
    this.mail.dispatch(people.map((p) => p.mailId));
    return rows;
  }

  private participantRow(
    p: Participant,
    index: number,
    opts: { userId: string | null; publicCancel: boolean; lang?: Language },
  ): ParticipantRow {
    const id = randomUUID();
    return {
      ord: index + 1,
      id,
      mailId: randomUUID(),
      name: p.name,
      nameKana: p.nameKana,
      email: p.email,
      searchKey: registrationSearchKey(p.name, p.nameKana, p.email),
      userId: opts.userId,
      school: p.school ?? null,
      graduationYear: p.graduationYear ?? null,
      cancelTokenHash: opts.publicCancel ? this.tokens.hash('registration_cancel', id) : null,
      checkInTokenHash: this.tokens.hash('registration_check_in', id),
      lang: opts.lang ?? 'ja',
    };
  }

  /** The event, if registration is open now (404 unknown, 409 cancelled or outside the window). */
  private async openEvent(eventId: string): Promise<EventForRegistration> {
    const event = await this.registrations.eventForRegistration(eventId);
    if (!event) throw unknownEvent();
    switch (registrationWindowState(event)) {
      case 'open':
        return event;
      case 'cancelled':
        throw conflictOn('id', 'event_cancelled.registration');
      case 'not_open_yet':
        throw conflictOn('registrationOpensAt', 'registration_not_open');
      case 'closed':
        throw conflictOn('registrationClosesAt', 'registration_closed');
    }
  }

  private alreadyRegistered(field: string): ApiException {
    return conflictOn(field, 'already_registered');
  }
}
