import type { EntityManager } from 'typeorm';

/**
 * The rows a statement returned. TypeORM answers UPDATE and DELETE as [rows, rowCount] and every
 * other statement as the rows: this reads both the same way.
 */
export async function queryRows<T>(m: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const raw = (await m.query(sql, params)) as unknown;
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') {
    return raw[0] as T[];
  }
  return raw as T[];
}
