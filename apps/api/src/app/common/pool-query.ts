import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs one statement straight on the app's pool, without the ORM's query runner: for the hottest
 * statements of a sign-up rush. Outside any transaction: the statement is its own.
 *
 * Never a named (prepared) statement: on the embedded database every pooled connection shares one
 * PGlite session, so a statement prepared by one connection outlives it and the next connection's
 * `Parse` of the same name fails ("already exists") — see design/ARCHITECTURE.md, Data. Plans that
 * should be cached live in SQL functions instead (PL/pgSQL caches them per session, by function).
 */
export async function poolQuery<T>(ds: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const pool = (ds.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ text, values });
  return result.rows as T[];
}
