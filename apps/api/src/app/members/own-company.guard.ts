import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { assertCanRead } from './member-access';

/**
 * On routes under /members/:id, a member company's people may reach only their own company:
 * refused here (403) before the body is even validated. Chamber roles pass.
 */
@Injectable()
export class OwnCompanyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<{ user?: AuthUser; params: Record<string, string> }>();
    const id = req.params['id'];
    if (req.user && id) assertCanRead(req.user, id);
    return true;
  }
}
