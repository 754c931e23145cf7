import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@chamber/contracts';

export interface Revocation {
  userId: string;
  /** only this session; otherwise every one but `except` */
  sessionId?: string;
  except?: string;
}

/** What the database says of a token's session and account right now. */
export interface LiveAccount {
  role: Role;
  memberId: string | null;
  active: boolean;
  /** the account's company has left the chamber (left_on today or earlier, Asia/Tokyo) */
  companyLeft: boolean;
  totpEnrolled: boolean;
}

/**
 * Sessions behind the access tokens. Checked on every signed-in request, without a cache: one
 * primary-key read (joined to the account and its company), so a revocation holds at once in every
 * worker process. Anonymous public routes (the sign-up rush) never reach it.
 */
@Injectable()
export class SessionsService {
  /**
   * Revocations made by this process, for its open event streams: one session, or every session of
   * the account but `except`. Announced by whoever revoked, once the transaction has committed.
   */
  readonly revoked$ = new Subject<Revocation>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  announce(revocation: Revocation): void {
    this.revoked$.next(revocation);
  }

  async open(userId: string, expiresAt: Date, m: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = (await m.query(`INSERT INTO auth_session (user_id, expires_at) VALUES ($1, $2) RETURNING id`, [
      userId,
      expiresAt,
    ])) as { id: string }[];
    return row!.id;
  }

  /** null when the session is unknown, revoked or expired, or belongs to someone else. */
  async live(sessionId: string, userId: string): Promise<LiveAccount | null> {
    const [row] = (await this.dataSource.query(
      `SELECT u.role, u.member_id, u.active, u.totp_enabled_at IS NOT NULL AS totp_enrolled,
              (m.left_on IS NOT NULL AND m.left_on <= (now() AT TIME ZONE 'Asia/Tokyo')::date) AS company_left
         FROM auth_session s
         JOIN user_account u ON u.id = s.user_id
         LEFT JOIN member m ON m.id = u.member_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [sessionId, userId],
    )) as { role: Role; member_id: string | null; active: boolean; company_left: boolean; totp_enrolled: boolean }[];
    if (!row) return null;
    return {
      role: row.role,
      memberId: row.member_id,
      active: row.active,
      companyLeft: row.company_left,
      totpEnrolled: row.totp_enrolled,
    };
  }

  async revoke(sessionId: string, userId: string, m?: EntityManager): Promise<void> {
    await (m ?? this.dataSource.manager).query(
      `UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
    if (!m) this.announce({ userId, sessionId });
  }

  /** Every live session of the account, but `keep` (the caller's own, after a password change). */
  async revokeAll(userId: string, manager?: EntityManager, keep?: string): Promise<void> {
    const m = manager ?? this.dataSource.manager;
    await m.query(
      `UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2)`,
      [userId, keep ?? null],
    );
    // sessions long expired are of no use to anyone: drop them while we are here
    await m.query(`DELETE FROM auth_session WHERE user_id = $1 AND expires_at < now() - interval '1 day'`, [userId]);
    if (!manager) this.announce({ userId, except: keep });
  }
}
