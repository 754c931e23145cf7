import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Request } from 'express';
import type { Role } from '@chamber/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { AuthUser } from './auth.decorators';

export const TOKEN_COOKIE = 'cp_token';

export interface TokenPayload {
  sub: string;
  email: string;
  role: Role;
  memberId: string | null;
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
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), fromCookie]),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(payload: TokenPayload): AuthUser {
    return { id: payload.sub, email: payload.email, role: payload.role, memberId: payload.memberId };
  }
}
