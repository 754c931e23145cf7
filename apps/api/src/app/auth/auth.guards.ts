import { ExecutionContext, HttpStatus, Injectable, CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@chamber/contracts';
import { LocalizedHttpException } from '../common/errors';
import type { Request } from 'express';
import { AuthUser, IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { TOKEN_COOKIE } from './jwt.strategy';

function hasCredentials(req: Request): boolean {
  return Boolean(req.headers.authorization) || Boolean(req.headers.cookie?.includes(`${TOKEN_COOKIE}=`));
}

/** Every route needs a valid token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
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
    if (err || !user) throw new LocalizedHttpException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    return user;
  }
}

/** @Roles(...) on a route or controller limits it to those roles; 403 otherwise. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new LocalizedHttpException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    if (!roles.includes(user.role)) throw new LocalizedHttpException(HttpStatus.FORBIDDEN, 'forbidden');
    return true;
  }
}
