import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { poolQuery } from './pool-query';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// A fixed window per key: the first hit opens it for `ttl` ms, later hits count until it closes.
const HIT_SQL = `
INSERT INTO rate_limit_counter AS c (key, hits, window_ends_at)
VALUES ($1, 1, now() + $2::int * interval '1 millisecond')
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
  window_ends_at = CASE WHEN c.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END
RETURNING hits, GREATEST(ceil(extract(epoch FROM c.window_ends_at - now())), 1)::int AS seconds_left`;

const SWEEP_EVERY = 1000;

/**
 * Rate-limit counts kept in PostgreSQL, so that every API process and replica counts the same hits
 * (counts in each process's memory would let N instances allow N times the limit).
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private hitsSinceSweep = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number): Promise<StorageRecord> {
    if (limit >= Number.MAX_SAFE_INTEGER) {
      // the limit is off (0 in the environment): nothing to count
      return { totalHits: 1, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
    if (++this.hitsSinceSweep >= SWEEP_EVERY) {
      this.hitsSinceSweep = 0;
      await this.dataSource.query(`DELETE FROM rate_limit_counter WHERE window_ends_at < now() - interval '1 hour'`);
    }
    const [row] = await poolQuery<{ hits: number; seconds_left: number }>(this.dataSource, HIT_SQL, [key, ttl]);
    const blocked = row!.hits > limit;
    return {
      totalHits: row!.hits,
      timeToExpire: row!.seconds_left,
      isBlocked: blocked,
      timeToBlockExpire: blocked ? row!.seconds_left : 0,
    };
  }
}
