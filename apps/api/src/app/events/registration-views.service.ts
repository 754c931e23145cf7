import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegistrationView } from '@chamber/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { forbidden } from '../common/errors';
import { mayChangeRegistration, mayReadRegistration, notYours } from './event-access';
import { unknownRegistration } from './event-views';
import { LinkTokens } from '../common/link-tokens';
import { checkInTokenOf } from './registration-tokens';
import { qrDataUrl } from './qr-code';

interface ViewRow {
  id: string;
  status: RegistrationView['status'];
  waitlist_position: string | null;
  name: string;
  name_kana: string;
  email: string;
  company: string | null;
  user_id: string | null;
  member_id: string | null;
  created_at: Date;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  check_in_token_hash: string;
  outcomes: RegistrationView['outcomes'];
  e_id: string;
  e_kind: RegistrationView['event']['kind'];
  e_title_ja: string;
  e_title_en: string;
  e_starts_at: Date;
  e_ends_at: Date;
  e_venue: string;
  e_status: RegistrationView['event']['status'];
}

const VIEW_SQL = `
SELECT r.id, r.status, r.name, r.name_kana, r.email, m.name AS company, r.user_id, r.member_id, r.created_at,
       r.checked_in_at, r.cancelled_at, r.check_in_token_hash,
       CASE WHEN r.status = 'waitlisted' THEN
         (SELECT count(*) FROM registration w
          WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq) END
         AS waitlist_position,
       ARRAY(SELECT o.type FROM registration_outcome o WHERE o.registration_id = r.id ORDER BY o.type) AS outcomes,
       e.id AS e_id, e.kind AS e_kind, e.title_ja AS e_title_ja, e.title_en AS e_title_en, e.starts_at AS e_starts_at,
       e.ends_at AS e_ends_at, e.venue AS e_venue, e.status AS e_status
FROM registration r JOIN event e ON e.id = r.event_id LEFT JOIN member m ON m.id = r.member_id`;

/** "My registrations" and one registration, with its check-in QR code. */
@Injectable()
export class RegistrationViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: LinkTokens,
  ) {}

  /** GET /api/me/registrations: one's own; `scope=company` for a member_admin: the company's. */
  async mine(user: AuthUser, scope: 'own' | 'company' = 'own'): Promise<RegistrationView[]> {
    let rows: ViewRow[];
    if (scope === 'company') {
      if (user.role !== 'member_admin' || !user.memberId) {
        throw forbidden('company_registrations_contact_only');
      }
      rows = (await this.dataSource.query(`${VIEW_SQL} WHERE r.member_id = $1 ORDER BY e.starts_at DESC, r.name`, [
        user.memberId,
      ])) as ViewRow[];
    } else {
      rows = (await this.dataSource.query(
        `${VIEW_SQL} WHERE r.user_id = $1 OR r.email = $2 ORDER BY e.starts_at DESC, r.created_at`,
        [user.id, user.email.toLowerCase()],
      )) as ViewRow[];
    }
    return Promise.all(rows.map((r) => this.view(r, user)));
  }

  /** GET /api/registrations/:id: the registrant, the company's contact, or the chamber's people. */
  async one(id: string, user: AuthUser): Promise<RegistrationView> {
    const [row] = (await this.dataSource.query(`${VIEW_SQL} WHERE r.id = $1`, [id])) as ViewRow[];
    if (!row) throw unknownRegistration();
    if (!mayReadRegistration(user, { userId: row.user_id, memberId: row.member_id, email: row.email })) {
      throw notYours();
    }
    return this.view(row, user);
  }

  /** POST /api/public/registrations/lookup: what the holder of a cancel token may see. */
  async forCancelToken(cancelTokenHash: string): Promise<RegistrationView> {
    const [row] = (await this.dataSource.query(`${VIEW_SQL} WHERE r.cancel_token_hash = $1`, [
      cancelTokenHash,
    ])) as ViewRow[];
    if (!row) throw unknownRegistration('cancelToken');
    return this.view(row, null);
  }

  /** `user` null: the holder of the registration's cancel token. */
  private async view(r: ViewRow, user: AuthUser | null): Promise<RegistrationView> {
    const active = r.status === 'registered' || r.status === 'attended';
    const seatHolder = active && r.e_status !== 'cancelled';
    const checkInToken = seatHolder
      ? await checkInTokenOf(this.dataSource.manager, this.tokens, {
          id: r.id,
          checkInTokenHash: r.check_in_token_hash,
        })
      : null;
    return {
      id: r.id,
      status: r.status,
      waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
      name: r.name,
      nameKana: r.name_kana,
      email: r.email,
      company: r.company,
      registeredAt: r.created_at.toISOString(),
      checkedInAt: r.checked_in_at?.toISOString() ?? null,
      cancelledAt: r.cancelled_at?.toISOString() ?? null,
      event: {
        id: r.e_id,
        kind: r.e_kind,
        title: { ja: r.e_title_ja, en: r.e_title_en || r.e_title_ja },
        startsAt: r.e_starts_at.toISOString(),
        endsAt: r.e_ends_at.toISOString(),
        venue: r.e_venue,
        status: r.e_status,
      },
      qrCode: checkInToken ? qrDataUrl(checkInToken) : null,
      checkInToken,
      outcomes: r.outcomes,
      canCancel:
        (r.status === 'registered' || r.status === 'waitlisted') &&
        (user === null || mayChangeRegistration(user, { userId: r.user_id, memberId: r.member_id, email: r.email })),
      certificateAvailable: r.status === 'attended' && r.e_kind === 'training',
    };
  }
}
