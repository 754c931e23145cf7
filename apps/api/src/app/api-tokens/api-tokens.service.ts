import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'crypto';
import type { ApiTokenScope, ApiTokenView, CreateApiTokenResponse } from '@chamber/contracts';
import type { Request } from 'express';
import { DataSource, IsNull } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { badRequest, forbidden, notFound, unauthorized, tooManyRequests } from '../common/errors';
import { PostgresThrottlerStorage } from '../common/rate-limit-storage';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ApiToken } from './api-token.entity';
import type { CreateApiTokenDto } from './api-token.dto';
import { scopeOf } from './api-token-scopes';

/** What every API token starts with: the auth guard tells it from a JWT by it. */
export const API_TOKEN_PREFIX = 'cpt_';

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

// the token, if it is valid now, with its maker still an active account
const FIND_SQL = `
SELECT t.id, t.name, t.scopes, t.created_by, t.last_used_at, u.email, u.display_name
FROM api_token t JOIN user_account u ON u.id = t.created_by AND u.active
WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`;

interface FoundToken {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  created_by: string;
  last_used_at: Date | null;
  email: string;
  display_name: string;
}

/**
 * API tokens (admin): shown once, kept as hashes, checked on every call (so a revoked or expired
 * token is refused at once), scoped by route (api-token-scopes.ts), rate-limited per token.
 */
@Injectable()
export class ApiTokensService {
  private readonly limits: PostgresThrottlerStorage;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.limits = new PostgresThrottlerStorage(dataSource);
  }

  async create(dto: CreateApiTokenDto, user: AuthUser): Promise<CreateApiTokenResponse> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw badRequest('expiresAt', 'validation.expires_in_past');
    }
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const saved = await this.dataSource.getRepository(ApiToken).save({
      name: dto.name,
      tokenHash: hashOf(token),
      scopes: dto.scopes,
      createdBy: user.id,
      expiresAt,
    });
    return { id: saved.id, token };
  }

  async list(): Promise<ApiTokenView[]> {
    const rows = await this.dataSource
      .getRepository(ApiToken)
      .find({ where: { revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      scopes: t.scopes as ApiTokenScope[],
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      expiresAt: t.expiresAt?.toISOString() ?? null,
    }));
  }

  async revoke(id: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(ApiToken)
      .update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    if (!result.affected) throw notFound('unknown_api_token');
  }

  /**
   * The caller a `cpt_` bearer token stands for, on this route: 401 for an unknown, revoked or
   * expired token, 403 outside its scopes (or on a route no token may call), 429 over its rate.
   * It acts as staff in its maker's name, within the routes its scopes open.
   */
  async authenticate(token: string, req: Request): Promise<AuthUser> {
    const rows = (await this.dataSource.query(FIND_SQL, [hashOf(token)])) as FoundToken[];
    const found = rows[0];
    if (!found) throw unauthorized();
    const routePath = `${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
    const needed = scopeOf(req.method, routePath);
    if (!needed || !found.scopes.includes(needed)) {
      throw forbidden('api_token_scope', { scope: needed }, { requiredScope: needed });
    }
    if (this.config.apiTokenRateLimit > 0) {
      const hit = await this.limits.increment(`api_token:${found.id}`, 60_000, this.config.apiTokenRateLimit);
      if (hit.isBlocked) {
        throw tooManyRequests('api_token_rate_limited', {}, { retryAfterSeconds: hit.timeToExpire });
      }
    }
    if (!found.last_used_at || Date.now() - new Date(found.last_used_at).getTime() > 60_000) {
      // at most once a minute per token; the guard on last_used_at keeps concurrent calls to one write
      await this.dataSource.query(
        `UPDATE api_token SET last_used_at = now()
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [found.id],
      );
    }
    return {
      id: found.created_by,
      email: found.email,
      role: 'staff',
      displayName: found.display_name,
      memberId: null,
      apiToken: { id: found.id, name: found.name, scopes: found.scopes },
    } as AuthUser;
  }
}
