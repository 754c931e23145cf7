import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';

export type RateLimitName = 'login' | 'public';
export const RATE_LIMIT_NAMES: RateLimitName[] = ['login', 'public'];

/** Per client address, counted over one minute; only routes that carry this decorator are limited. */
@Injectable()
export class ClientAddressThrottlerGuard extends ThrottlerGuard {}

/**
 * Limits a route (log-in, public no-account forms) by client address. Signed-in staff work never
 * carries it, so it is never throttled.
 */
export function RateLimit(name: RateLimitName) {
  const skip = Object.fromEntries(RATE_LIMIT_NAMES.filter((n) => n !== name).map((n) => [n, true]));
  return applyDecorators(SkipThrottle(skip), UseGuards(ClientAddressThrottlerGuard));
}
