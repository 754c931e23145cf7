import { ExecutionContext, Injectable, UseGuards, applyDecorators } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { AuthUser } from '../auth/auth.decorators';
import { ClientAddressThrottlerGuard } from '../common/rate-limit';

/** The public limit for callers without an account; signed-in members and staff pass unthrottled. */
@Injectable()
export class AnonymousThrottlerGuard extends ClientAddressThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ user?: AuthUser }>();
    return !!req.user || super.shouldSkip(context);
  }
}

/**
 * `@RateLimit('public')` for a route that both anonymous applicants and signed-in staff call: only
 * the anonymous calls count, so staff entering a company's applications are never refused with 429.
 */
export const RateLimitAnonymous = () =>
  applyDecorators(SkipThrottle({ login: true }), UseGuards(AnonymousThrottlerGuard));
