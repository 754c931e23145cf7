import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@chamber/contracts';
import type { AuthUser } from '../common/auth-user';

export type { AuthUser } from '../common/auth-user';

export const IS_PUBLIC = 'isPublic';
export const ROLES_KEY = 'roles';

/** No account needed. A valid token is still read, so signed-in callers are known. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (on top of being signed in). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
