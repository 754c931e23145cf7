import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';

const RETRY_KEY = Symbol('anonymousRetryKey');
type WithRetryKey = Request & { [RETRY_KEY]?: string };

export function isAnonymousPost(req: Request): boolean {
  return (req.body as { anonymous?: unknown } | undefined)?.anonymous === true;
}

/**
 * Takes the Idempotency-Key of an anonymous post away from the generic idempotency interceptor
 * (guards run before interceptors), whose record would name the caller next to the answer; the
 * suggestions service keeps the retry under a keyed hash instead. Named posts keep the generic path.
 */
@Injectable()
export class AnonymousPostKey implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<WithRetryKey>();
    const key = req.headers['idempotency-key'];
    if (isAnonymousPost(req) && typeof key === 'string') {
      req[RETRY_KEY] = key.slice(0, 200);
      delete req.headers['idempotency-key'];
    }
    return true;
  }
}

export function retryKeyOf(req: Request): string | undefined {
  return (req as WithRetryKey)[RETRY_KEY];
}
