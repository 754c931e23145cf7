import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'http';
import type { Observable } from 'rxjs';
import { FieldProblem, invalidFields } from './errors';

/**
 * Limits on what a request may carry, checked before any validation or database work: hostile
 * bodies are refused for the price of one walk over them (issue 11: 600 KB of nested candidates
 * cost 1–3 s of class-validator; a NUL byte reached PostgreSQL as a 500; 100 k nested arrays
 * overflowed the stack).
 */
export const LIMITS = {
  /** JSON bodies of callers without an account (public forms, log-in) */
  anonymousBodyBytes: 32 * 1024,
  /** JSON bodies of everyone else (the parser's own limit) */
  bodyBytes: 1024 * 1024,
  /** objects and arrays inside each other (the deepest DTO nests three) */
  depth: 16,
  /** values in one body: 100 exam candidates of 7 fields are 800 */
  values: 10_000,
};

/** C0 controls but tab, LF and CR, and DEL: nothing a person types, and NUL is refused by PostgreSQL. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * Every problem of a parsed body or query, by dotted path: control characters in strings (and
 * keys), nesting deeper than LIMITS.depth, more than LIMITS.values values. Iterative, so that no
 * depth overflows the stack; it stops at the first structural problem.
 */
export function inputProblems(value: unknown, root: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  let values = 1; // seen or waiting on the stack: an 11 000-element array is refused by its length
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (CONTROL.test(v)) problems.push({ field: path || root, key: 'controlCharacters' });
      continue;
    }
    if (typeof v !== 'object' || v === null || Buffer.isBuffer(v)) continue;
    if (depth >= LIMITS.depth) return [{ field: path || root, key: 'tooDeep', n: LIMITS.depth }];
    const keys = Array.isArray(v) ? v.length : Object.keys(v).length;
    values += keys;
    if (values > LIMITS.values) return [{ field: root, key: 'tooManyValues', n: LIMITS.values }];
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
      const child = path ? `${path}.${k}` : k;
      if (CONTROL.test(k)) problems.push({ field: child.replace(CONTROL, '?'), key: 'controlCharacters' });
      stack.push({ value: item, path: child, depth: depth + 1 });
    }
  }
  return problems.reverse();
}

/**
 * The shape of a JSON text before it is parsed: nesting over LIMITS.depth or more commas than
 * LIMITS.values (never more than the values the walk above counts) — so that a body of 11 000
 * candidates or 100 000 nested arrays costs one pass over its bytes, not JSON.parse and its garbage.
 */
export function jsonShapeProblem(buf: Buffer): FieldProblem | null {
  let depth = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > LIMITS.depth) return { field: 'body', key: 'tooDeep', n: LIMITS.depth };
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && ++commas >= LIMITS.values) return { field: 'body', key: 'tooManyValues', n: LIMITS.values };
  }
  return null;
}

/** Express middleware after the body parsers: the walk above over the body and the query. */
export function inputLimits(req: Request, _res: Response, next: NextFunction): void {
  const problems = [...inputProblems(req.query, 'query'), ...inputProblems(req.body, 'body')];
  next(problems.length ? invalidFields(problems) : undefined);
}

/** What a body parser error looks like to the exception filter: 413 naming `body`. */
class BodyTooLarge extends Error {
  readonly status = 413;
  readonly type = 'entity.too.large';
}

const JSON_TYPE = /^\s*application\/json\s*(;|$)/i;

/**
 * The two JSON parsers' options: a request without a credential (bearer token or the portal's
 * cookie) gets the anonymous cap, refused by its Content-Length before a byte is read; the others
 * 1 MB, the size recorded for AnonymousBodyCap since a credential may turn out invalid. Both check
 * the text's shape (jsonShapeProblem) before JSON.parse.
 */
export function jsonParsers(tokenCookie: string) {
  const credentials = (req: IncomingMessage) =>
    Boolean(req.headers.authorization) || Boolean(req.headers.cookie?.includes(`${tokenCookie}=`));
  const json = (req: IncomingMessage) => JSON_TYPE.test(req.headers['content-type'] ?? '');
  // thrown here, the ApiException reaches the exception filter as itself (a 400)
  const verify = (req: IncomingMessage, _res: unknown, buf: Buffer) => {
    (req as IncomingMessage & { bodyBytes?: number }).bodyBytes = buf.length;
    const problem = jsonShapeProblem(buf);
    if (problem) throw invalidFields([problem]);
  };
  return {
    anonymous: {
      limit: LIMITS.anonymousBodyBytes,
      verify,
      type: (req: IncomingMessage) => json(req) && !credentials(req),
    },
    signedIn: { limit: LIMITS.bodyBytes, verify, type: (req: IncomingMessage) => json(req) && credentials(req) },
  };
}

/** After the guards: a caller who is not signed in (a public route) gets the anonymous cap. */
@Injectable()
export class AnonymousBodyCap implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: unknown; bodyBytes?: number }>();
    if (!req.user && (req.bodyBytes ?? 0) > LIMITS.anonymousBodyBytes)
      throw new BodyTooLarge('request entity too large');
    return next.handle();
  }
}
