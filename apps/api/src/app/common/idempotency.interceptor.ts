import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import type { AuthUser } from '../common/auth-user';
import { ApiException, conflict } from './errors';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

const keyReused = () =>
  new ApiException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'idempotency_key_reused',
    {},
    { errors: [{ field: 'Idempotency-Key', key: 'idempotency_key_reused' }] },
  );

/** The SHA-256 of a request's body: its bytes (CSV, images) or its JSON. */
function requestHash(body: unknown): string {
  const hash = createHash('sha256');
  hash.update(Buffer.isBuffer(body) ? body : JSON.stringify(body ?? null));
  return hash.digest('hex');
}

/**
 * `Idempotency-Key` on a write: the first request claims the key for its caller (account, or the
 * client address), its route and its body; a retry with the same key and body gets the first
 * answer again and writes nothing. The same key with another body is refused (422 naming the
 * header): a key is not a ticket to someone else's answer. A retry while the first is still
 * running gets 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || !KEY_PATTERN.test(key)) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const scope = `${req.user?.id ?? `ip:${req.ip}`} ${req.method} ${req.originalUrl.split('?')[0]}`;
    const hash = requestHash(req.body);

    return from(this.claim(scope, key, hash)).pipe(
      mergeMap((previous) => {
        if (previous === 'claimed') {
          return next.handle().pipe(
            mergeMap((body) => from(this.complete(scope, key, res.statusCode, body)).pipe(mergeMap(() => of(body)))),
            catchError((err: unknown) => from(this.release(scope, key)).pipe(mergeMap(() => throwError(() => err)))),
          );
        }
        if (previous.requestHash !== hash) {
          return throwError(() => keyReused());
        }
        if (previous.statusCode === null) {
          return throwError(() => conflict('idempotency_in_progress'));
        }
        res.status(previous.statusCode);
        res.setHeader('Idempotent-Replayed', 'true');
        return of(previous.response);
      }),
    );
  }

  private async claim(
    scope: string,
    key: string,
    hash: string,
  ): Promise<'claimed' | { statusCode: number | null; response: unknown; requestHash: string | null }> {
    // keys live a day (and a claim abandoned by a crashed process two minutes): they hold answers
    // that may name people, so they are not kept longer than a retry needs
    if (Math.random() < 0.01) {
      await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < now() - interval '24 hours'`);
    }
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND status_code IS NULL AND created_at < now() - interval '2 minutes'`,
      [scope, key],
    );
    const inserted = (await this.dataSource.query(
      `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, hash],
    )) as unknown[];
    if (inserted.length) return 'claimed';
    const rows = (await this.dataSource.query(
      `SELECT status_code, response, request_hash FROM idempotency_key WHERE scope = $1 AND key = $2`,
      [scope, key],
    )) as { status_code: number | null; response: unknown; request_hash: string | null }[];
    const row = rows[0];
    // a row from before request hashes (null) matches no body: refused rather than replayed blind
    return row ? { statusCode: row.status_code, response: row.response, requestHash: row.request_hash } : 'claimed';
  }

  private async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE scope = $1 AND key = $2`, [scope, key]);
  }
}
