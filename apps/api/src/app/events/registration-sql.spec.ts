import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { TEST_SERVER_URL } from '../../testing/databases';
import { EVENT_FOR_REGISTRATION_SQL, REGISTER_SQL } from './registration-sql';

const SNAPSHOT = join(__dirname, 'registration.sql');

/** Every SQL a registration runs, as PostgreSQL holds it: the statements and the functions they call. */
async function currentSql(): Promise<string> {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${process.env['CP_TEMPLATE_DB']}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    const functions = await db.query<{ def: string }>(
      `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p
       WHERE p.proname IN ('register_participants', 'kpi_count') ORDER BY p.proname DESC`,
    );
    return [
      '-- Every SQL a registration runs (apps/api/src/app/events/registration-sql.ts), and the functions it',
      '-- calls as the migrations made them. Written by registration-sql.spec.ts: UPDATE_SQL_SNAPSHOTS=1 npm test -- integration',
      '',
      '-- 1. the event, read before the statement (events/registration.repository.ts: eventForRegistration)',
      `${EVENT_FOR_REGISTRATION_SQL.trim()};`,
      '',
      '-- 2. the registration, one statement and its own transaction (registration.repository.ts: register)',
      `${REGISTER_SQL.trim()};`,
      '',
      ...functions.rows.map((r) => `${r.def.trim()};\n`),
    ].join('\n');
  } finally {
    await db.end();
  }
}

describe('the SQL of a registration', () => {
  it('is all in events/registration.sql, as the database has it', async () => {
    const sql = await currentSql();
    if (process.env['UPDATE_SQL_SNAPSHOTS']) writeFileSync(SNAPSHOT, sql);
    // a failure means a migration or registration-sql.ts changed: regenerate the file and review it
    expect(readFileSync(SNAPSHOT, 'utf8')).toBe(sql);
  });
});
