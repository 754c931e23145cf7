import { Client } from 'pg';

/** The PostgreSQL server tests talk to (a real connection, never a mock). */
export const TEST_SERVER_URL = process.env['TEST_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** A fresh, empty database for one run or one spec file; optionally a copy of a template. */
export async function createScratchDatabase(prefix: string, template?: string): Promise<string> {
  // run id (for teardown), then this process, the time and a random part: Jest workers start together
  const unique = `${process.pid}_${Date.now().toString(36)}_${counter++}_${Math.random().toString(36).slice(2, 8)}`;
  const name = `cp_${prefix}_${process.env['CP_RUN_ID'] ?? process.pid}_${unique}`.toLowerCase();
  await admin((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
  return withDatabase(TEST_SERVER_URL, name);
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops the scratch databases whose names start with a prefix (left by this run or crashed ones). */
export async function dropDatabasesLike(prefix: string): Promise<void> {
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${prefix}%`,
    ]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  });
}
