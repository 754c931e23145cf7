import { randomUUID } from 'crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Language, LoginResponse, SessionUser } from '@chamber/contracts';
import { writeAudit } from '../audit/audit-writer';
import type { AuthUser } from '../common/auth-user';
import { ApiException, badRequest, conflict, unauthorized } from '../common/errors';
import { LinkTokens, tokenHash } from '../common/link-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailOutbox } from '../mail/mail-outbox.service';
import { LoginBackoff } from './login-backoff';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { checkNewPassword } from './password-policy';
import type { TokenPayload } from './jwt.strategy';
import { SessionsService } from './sessions.service';
import { Totp } from './totp';

/** A password-reset link is good for an hour, once. */
export const PASSWORD_RESET_MINUTES = 60;
/** At most this many reset mails an hour for one account, whoever asks. */
const RESETS_PER_HOUR = 3;

interface AccountRow {
  id: string;
  email: string;
  password_hash: string;
  role: SessionUser['role'];
  member_id: string | null;
  display_name: string;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
}

const ACCOUNT_COLUMNS = `u.id, u.email, u.password_hash, u.role, u.member_id, u.display_name, u.totp_secret, u.totp_enabled_at`;
/** Active accounts whose company (if any) has not left the chamber. */
const LIVE_ACCOUNT = `u.active AND NOT EXISTS (SELECT 1 FROM member m WHERE m.id = u.member_id AND m.left_on <= (now() AT TIME ZONE 'Asia/Tokyo')::date)`;

export const totpRequired = () => unauthorized('totp_required');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    private readonly backoff: LoginBackoff,
    private readonly totp: Totp,
    private readonly mail: MailOutbox,
    private readonly tokens: LinkTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Same answer, and about the same time, for an unknown email and a wrong password. After
   * repeated failures for one address the address waits (429), known or not, besides the
   * per-client limit. Every refusal leaves an audit row (the address as typed; never the password).
   */
  async login(emailTyped: string, password: string, totpCode?: string): Promise<LoginResponse> {
    const email = emailTyped.trim().toLowerCase();
    await this.backoff.check(email);
    const [user] = (await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM user_account u WHERE u.email = $1 AND ${LIVE_ACCOUNT}`,
      [email],
    )) as AccountRow[];
    const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) {
      await this.backoff.failed(email);
      await this.audit(
        user?.id ?? null,
        'auth.login_failed',
        401,
        { email, reason: 'bad_credentials' },
        this.dataSource,
        user?.role,
      );
      throw unauthorized('bad_credentials');
    }
    if (user.totp_enabled_at && user.totp_secret) {
      if (!totpCode) throw totpRequired();
      if (!this.totp.verify(user.totp_secret, totpCode)) {
        await this.backoff.failed(email);
        await this.audit(user.id, 'auth.login_failed', 401, { email, reason: 'bad_totp' }, this.dataSource, user.role);
        throw totpRequired();
      }
    }
    await this.backoff.succeeded(email);
    return this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE user_account SET last_login_at = now() WHERE id = $1`, [user.id]);
      return this.issue(m, user);
    });
  }

  private async issue(m: EntityManager, user: AccountRow): Promise<LoginResponse> {
    const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + this.config.jwtTtlSeconds * 1000);
    const sessionId = await this.sessions.open(user.id, expiresAt, m);
    const payload: TokenPayload = { sub: user.id, email: user.email, role: user.role, memberId: user.member_id };
    const accessToken = await this.jwt.signAsync(payload, { jwtid: sessionId, expiresIn: this.config.jwtTtlSeconds });
    return { accessToken, user: toSessionUser(user) };
  }

  async me(id: string): Promise<SessionUser> {
    const [user] = (await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM user_account u WHERE u.id = $1 AND u.active`,
      [id],
    )) as AccountRow[];
    if (!user) throw unauthorized();
    return toSessionUser(user);
  }

  /** This token's session ends; the others of the account go on. */
  async logout(user: AuthUser): Promise<void> {
    if (user.sessionId) await this.sessions.revoke(user.sessionId, user.id);
  }

  /** Every other session of the account ends; the caller's own goes on. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT password_hash FROM user_account WHERE id = $1`, [user.id])) as {
      password_hash: string;
    }[];
    if (!row || !(await verifyPassword(row.password_hash, currentPassword))) {
      throw badRequest('currentPassword', 'validation.current_password_wrong');
    }
    checkNewPassword(newPassword, user.email);
    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE user_account SET password_hash = $2 WHERE id = $1`, [user.id, hash]);
      await this.sessions.revokeAll(user.id, m, user.sessionId);
    });
    this.sessions.announce({ userId: user.id, except: user.sessionId });
  }

  /**
   * 202 whatever happens: a mail only when the address is a live account, and no more than a few an
   * hour (the answer and its timing do not tell whether the account exists).
   */
  async requestPasswordReset(emailTyped: string, lang: Language): Promise<void> {
    const email = emailTyped.trim().toLowerCase();
    await this.dataSource.transaction(async (m) => {
      const [user] = (await m.query(`SELECT u.id, u.email FROM user_account u WHERE u.email = $1 AND ${LIVE_ACCOUNT}`, [
        email,
      ])) as { id: string; email: string }[];
      if (!user) {
        await this.audit(null, 'auth.password_reset_requested', 202, { email, account: false }, m);
        return;
      }
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`password-reset:${user.id}`]);
      const [recent] = (await m.query(
        `SELECT count(*)::int AS n FROM password_reset WHERE user_id = $1 AND created_at > now() - interval '1 hour'`,
        [user.id],
      )) as { n: number }[];
      if ((recent?.n ?? 0) >= RESETS_PER_HOUR) {
        await this.audit(user.id, 'auth.password_reset_requested', 202, { throttled: true }, m);
        return;
      }
      const resetId = randomUUID();
      await m.query(
        `INSERT INTO password_reset (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
        [resetId, user.id, this.tokens.hash('password_reset', resetId), PASSWORD_RESET_MINUTES],
      );
      await this.mail.enqueue(m, { kind: 'password_reset', to: user.email, relatedId: resetId, lang });
      await this.audit(user.id, 'auth.password_reset_requested', 202, { resetId }, m);
    });
  }

  /** The link's token, once, within the hour: a new password, and every session of the account ends. */
  async confirmPasswordReset(token: string, newPassword: string): Promise<void> {
    const badToken = () =>
      new ApiException(
        HttpStatus.BAD_REQUEST,
        'validation.invalid_link',
        {},
        { errors: [{ field: 'token', key: 'validation.invalid_link.field' }] },
        'validation',
      );
    const [found] = (await this.dataSource.query(
      `SELECT r.id, u.email FROM password_reset r JOIN user_account u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active`,
      [tokenHash(token)],
    )) as { id: string; email: string }[];
    if (!found) throw badToken();
    checkNewPassword(newPassword, found.email);
    const hash = await hashPassword(newPassword);
    const resetUser = await this.dataSource.transaction(async (m) => {
      // claimed under the row lock: of two confirmations racing, one wins
      const [claimed] = (await m.query(
        `WITH r AS (UPDATE password_reset SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id)
         SELECT user_id FROM r`,
        [found.id],
      )) as { user_id: string }[];
      const userId = claimed?.user_id;
      if (!userId) throw badToken();
      await m.query(`UPDATE password_reset SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      await m.query(`UPDATE user_account SET password_hash = $2 WHERE id = $1`, [userId, hash]);
      await this.sessions.revokeAll(userId, m);
      await this.backoff.succeeded(found.email, m);
      await this.audit(userId, 'auth.password_reset_confirmed', 204, { resetId: found.id }, m);
      return userId;
    });
    this.sessions.announce({ userId: resetUser });
  }

  /** A new secret, shown once; login asks for a code only after `confirmTotp`. */
  async enrolTotp(user: AuthUser): Promise<{ otpauthUrl: string }> {
    const [row] = (await this.dataSource.query(`SELECT totp_enabled_at FROM user_account WHERE id = $1`, [
      user.id,
    ])) as {
      totp_enabled_at: Date | null;
    }[];
    if (row?.totp_enabled_at) {
      throw conflict('totp_enrolled');
    }
    const secret = this.totp.newSecret();
    await this.dataSource.query(`UPDATE user_account SET totp_secret = $2 WHERE id = $1`, [
      user.id,
      this.totp.seal(secret),
    ]);
    return { otpauthUrl: this.totp.otpauthUrl(user.email, secret) };
  }

  async confirmTotp(user: AuthUser, code: string): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT totp_secret, totp_enabled_at FROM user_account WHERE id = $1`, [
      user.id,
    ])) as { totp_secret: string | null; totp_enabled_at: Date | null }[];
    if (!row?.totp_secret || row.totp_enabled_at || !this.totp.verify(row.totp_secret, code)) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'validation.totp_code_wrong',
        {},
        { errors: [{ field: 'code', key: 'validation.totp_code_wrong.field' }] },
        'validation',
      );
    }
    await this.dataSource.query(`UPDATE user_account SET totp_enabled_at = now() WHERE id = $1`, [user.id]);
  }

  private audit(
    actorId: string | null,
    action: string,
    statusCode: number,
    detail: Record<string, unknown>,
    m: Pick<EntityManager, 'query'> = this.dataSource,
    actorRole?: string,
  ): Promise<void> {
    return writeAudit(m, {
      actorId,
      actorRole: actorRole ?? (actorId ? 'account' : 'anonymous'),
      action,
      statusCode,
      detail,
    });
  }
}

export function toSessionUser(
  u: Pick<AccountRow, 'id' | 'email' | 'role' | 'member_id' | 'display_name'>,
): SessionUser {
  return { id: u.id, email: u.email, role: u.role, memberId: u.member_id, displayName: u.display_name };
}
