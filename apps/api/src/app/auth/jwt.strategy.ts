import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Request } from 'express';
import type { Role } from '@chamber/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { AuthUser } from './auth.decorators';
import { SessionsService } from './sessions.service';

export const TOKEN_COOKIE = 'cp_token';

export interface TokenPayload {
  sub: string;
  email: string;
  role: Role;
  memberId: string | null;
  /** set by the signer: the session id, the expiry and the issue time */
  jti?: string;
  exp?: number;
  iat?: number;
}

/** The portal's EventSource cannot send headers: it is authenticated by the HttpOnly cookie. */
function fromCookie(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), fromCookie]),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * The signature alone is not enough: passport-jwt accepts a token without `exp` (it only checks
   * one that has it), and the account may have changed since the token was issued. A token must
   * expire and name a live session of an active account whose role and company are those it carries.
   */
  async validate(payload: TokenPayload): Promise<AuthUser | false> {
    if (typeof payload.exp !== 'number' || typeof payload.jti !== 'string' || typeof payload.sub !== 'string') {
      return false;
    }
    if (!/^[0-9a-f-]{36}$/i.test(payload.jti) || !/^[0-9a-f-]{36}$/i.test(payload.sub)) return false;
    const live = await this.sessions.live(payload.jti, payload.sub);
    if (!live || !live.active || live.companyLeft) return false;
    if (live.role !== payload.role || live.memberId !== (payload.memberId ?? null)) return false;
    return {
      id: payload.sub,
      email: payload.email,
      role: payload.role,
      memberId: payload.memberId,
      sessionId: payload.jti,
      expiresAt: payload.exp * 1000,
      totpEnrolled: live.totpEnrolled,
    };
  }
}
