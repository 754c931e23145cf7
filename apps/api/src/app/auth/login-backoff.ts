import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { tooManyRequests } from '../common/errors';
import { tokenHash } from '../common/link-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The longest wait, however many failures. */
const MAX_WAIT_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
const FORGET_AFTER = '1 hour';

/**
 * Per-address back-off for log-ins, besides the per-client limit (which a botnet spreads): after
 * `loginBackoffAfter` failures in a row for one email address, each further failure doubles a wait
 * (30 s, 60 s, … 15 min) during which that address gets 429. Kept by the hash of the address, for
 * unknown addresses too, so the answers do not tell which accounts exist.
 */
@Injectable()
export class LoginBackoff {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(email: string): Promise<void> {
    if (!this.config.loginBackoffAfter) return;
    const [row] = (await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS wait FROM login_backoff WHERE key = $1 AND locked_until > now()`,
      [tokenHash(`login:${email}`)],
    )) as { wait: number }[];
    if (row) {
      throw tooManyRequests('login_backoff', { wait: row.wait }, { retryAfterSeconds: row.wait });
    }
  }

  async failed(email: string): Promise<void> {
    const free = this.config.loginBackoffAfter;
    if (!free) return;
    await this.dataSource.query(
      `INSERT INTO login_backoff AS b (key, failures, locked_until, updated_at) VALUES ($1, 1, NULL, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN b.updated_at < now() - interval '${FORGET_AFTER}' THEN 1 ELSE b.failures + 1 END,
         updated_at = now(),
         locked_until = CASE WHEN b.updated_at >= now() - interval '${FORGET_AFTER}' AND b.failures + 1 >= $2
           THEN now() + make_interval(secs => least(${MAX_WAIT_SECONDS}, 30 * power(2, b.failures + 1 - $2)))
           ELSE NULL END`,
      [tokenHash(`login:${email}`), free],
    );
  }

  async succeeded(email: string, m: Pick<EntityManager, 'query'> = this.dataSource): Promise<void> {
    if (!this.config.loginBackoffAfter) return;
    await m.query(`DELETE FROM login_backoff WHERE key = $1`, [tokenHash(`login:${email}`)]);
  }
}
