import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeactivateUserResponse, Role, UserAccountView } from '@chamber/contracts';
import { MEMBER_ROLES } from '@chamber/contracts';
import type { AuthUser } from '../common/auth-user';
import { conflict, forbidden, notFound } from '../common/errors';
import { SessionsService } from './sessions.service';

interface UserRow {
  id: string;
  email: string;
  role: Role;
  member_id: string | null;
  display_name: string;
  active: boolean;
  last_login_at: Date | null;
  totp_enabled_at: Date | null;
}

/** Accounts: the admin's list, and deactivation by whoever is responsible for the account. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async list(): Promise<UserAccountView[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, email, role, member_id, display_name, active, last_login_at, totp_enabled_at FROM user_account ORDER BY role, email`,
    )) as UserRow[];
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      memberId: r.member_id,
      displayName: r.display_name,
      active: r.active,
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
      totpEnrolled: r.totp_enabled_at !== null,
    }));
  }

  /**
   * admin: any account but their own; staff: member accounts; member_admin: accounts of their own
   * company. Every session of the account ends in the same transaction, so its tokens get 401 at once.
   */
  async deactivate(id: string, caller: AuthUser): Promise<DeactivateUserResponse> {
    const answer = await this.dataSource.transaction(async (m) => {
      const [target] = (await m.query(`SELECT id, role, member_id, active FROM user_account WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as UserRow[];
      // a member_admin must not learn which ids exist outside the company: 404 for those
      const visible =
        target &&
        (caller.role !== 'member_admin' || (target.member_id !== null && target.member_id === caller.memberId));
      if (!target || !visible) {
        throw notFound('account_not_found');
      }
      const isMemberAccount = MEMBER_ROLES.includes(target.role);
      const allowed =
        caller.role === 'admin' || ((caller.role === 'staff' || caller.role === 'member_admin') && isMemberAccount);
      if (!allowed) throw forbidden('deactivate_not_allowed');
      if (target.id === caller.id && caller.role === 'admin') {
        throw conflict('self');
      }
      await m.query(`UPDATE user_account SET active = false WHERE id = $1`, [id]);
      await this.sessions.revokeAll(id, m);
      return { id, active: false as const };
    });
    this.sessions.announce({ userId: id });
    return answer;
  }
}
