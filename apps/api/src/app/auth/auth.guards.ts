import { ExecutionContext, Inject, Injectable, CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@chamber/contracts';
import { forbidden, unauthorized } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { API_TOKEN_PREFIX, ApiTokensService } from '../api-tokens/api-tokens.service';
import type { Request } from 'express';
import { AuthUser, IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { TOKEN_COOKIE } from './jwt.strategy';

function hasCredentials(req: Request): boolean {
  return Boolean(req.headers.authorization) || Boolean(req.headers.cookie?.includes(`${TOKEN_COOKIE}=`));
}

/**
 * Every route needs a valid token unless marked @Public(): a JWT (a person's session) or an API
 * token (`Bearer cpt_…`, checked against its scopes for this route, public routes included).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiTokens: ApiTokensService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const bearer = req.headers.authorization;
    if (bearer?.startsWith(`Bearer ${API_TOKEN_PREFIX}`)) {
      req.user = await this.apiTokens.authenticate(bearer.slice('Bearer '.length).trim(), req);
      return true;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    // an anonymous call to a public route (a sign-up rush) skips passport and its thrown 401
    if (isPublic && !hasCredentials(context.switchToHttp().getRequest<Request>())) return true;
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (e) {
      if (isPublic) return true;
      throw e;
    }
  }

  override handleRequest<T = AuthUser>(err: unknown, user: T | false): T {
    if (err || !user) throw unauthorized();
    return user;
  }
}

/** Routes a staff account without TOTP may still call when TOTP is required: sign-in, enrolment, log-out. */
const TOTP_FREE = /^\/api\/auth\//;

/**
 * @Roles(...) on a route or controller limits it to those roles; 403 otherwise. With
 * TOTP_REQUIRED_FOR_STAFF, staff and admin accounts without a second factor get 403
 * `{code:"totp_enrolment_required"}` everywhere but /api/auth/* until they enrol.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = req.user;
    if (
      this.config.totpRequiredForStaff &&
      user &&
      (user.role === 'staff' || user.role === 'admin') &&
      user.totpEnrolled === false &&
      !TOTP_FREE.test(req.originalUrl.split('?')[0] ?? '')
    ) {
      throw forbidden('totp_enrolment_required');
    }
    if (!roles?.length) return true;
    if (!user) throw unauthorized();
    if (!roles.includes(user.role)) throw forbidden();
    return true;
  }
}
