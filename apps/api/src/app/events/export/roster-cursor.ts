import type { DataSource, QueryRunner } from 'typeorm';

/** One roster row as the database gives it. */
export interface RosterRow {
  id: string;
  name: string;
  name_kana: string;
  email: string;
  company: string | null;
  member_id: string | null;
  status: string;
  waitlist_position: string | number | null;
  created_at: Date;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  outcomes: string[];
  school: string | null;
  graduation_year: number | null;
  source: string;
}

/**
 * The roster of an event in its display order: attending and registered people first, then the
 * waitlist in order (positions counted over the whole waitlist, before any filter), then cancelled.
 */
export function rosterSql(filters: { q?: string; status?: string }): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  if (filters.status) {
    params.push(filters.status);
    clauses.push(`status = $${params.length + 1}`);
  }
  if (filters.q) {
    params.push(`%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    clauses.push(`search_key LIKE $${params.length + 1}`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function rosterQuery(eventId: string, filters: { q?: string; status?: string }): [string, unknown[]] {
  const { where, params } = rosterSql(filters);
  const sql = `
SELECT * FROM (
  SELECT r.id, r.name, r.name_kana, r.email, m.name AS company, r.member_id, r.status, r.search_key,
         CASE WHEN r.status = 'waitlisted'
              THEN row_number() OVER (PARTITION BY r.status = 'waitlisted' ORDER BY r.waitlist_seq) END AS waitlist_position,
         r.created_at, r.checked_in_at, r.cancelled_at,
         ARRAY(SELECT o.type FROM registration_outcome o WHERE o.registration_id = r.id ORDER BY o.type) AS outcomes,
         r.school, r.graduation_year, r.source, r.waitlist_seq
  FROM registration r LEFT JOIN member m ON m.id = r.member_id
  WHERE r.event_id = $1
) x
${where}
ORDER BY CASE status WHEN 'attended' THEN 0 WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,
         waitlist_seq NULLS FIRST, created_at, id`;
  return [sql, [eventId, ...params]];
}

/**
 * A server-side cursor over a query, read in batches inside one read-only snapshot: a roster of
 * 100 k rows never sits in memory, and a second pass (`rewind`, on a scroll cursor) sees exactly the same rows.
 */
export class QueryCursor<T> {
  private constructor(
    private readonly runner: QueryRunner,
    private readonly name: string,
  ) {}

  static async open<T>(
    dataSource: DataSource,
    sql: string,
    params: unknown[],
    opts: { scroll?: boolean } = {},
  ): Promise<QueryCursor<T>> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(`DECLARE export_cursor ${opts.scroll ? 'SCROLL' : 'NO SCROLL'} CURSOR FOR ${sql}`, params);
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
      throw e;
    }
    return new QueryCursor<T>(runner, 'export_cursor');
  }

  async *rows(batchSize = 1000): AsyncGenerator<T> {
    for (;;) {
      const batch = (await this.runner.query(`FETCH FORWARD ${batchSize} FROM ${this.name}`)) as T[];
      if (!batch.length) return;
      yield* batch;
    }
  }

  async rewind(): Promise<void> {
    await this.runner.query(`MOVE ABSOLUTE 0 FROM ${this.name}`);
  }

  async close(): Promise<void> {
    if (this.runner.isReleased) return;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release();
    }
  }
}
