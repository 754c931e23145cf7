import { mkdirSync } from 'fs';
import { resolve } from 'path';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite persisted under DATA_DIR, served in-process over the PostgreSQL wire protocol so that the
 * one `pg` driver serves both databases (and transactions stay isolated: see design/STACK.md).
 */
export async function startEmbeddedPostgres(dataDir: string, poolSize: number): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  // required lazily: production on a real server never loads the WASM database
  const { PGlite: PGliteClass } = require('@electric-sql/pglite') as { PGlite: new (dir: string) => PGlite };
  const { PGLiteSocketServer: Server } = require('@electric-sql/pglite-socket') as {
    PGLiteSocketServer: new (o: {
      db: PGlite;
      host: string;
      port: number;
      maxConnections: number;
    }) => PGLiteSocketServer;
  };
  const db = new PGliteClass(dir);
  await db.waitReady;
  const server = new Server({ db, host: '127.0.0.1', port: 0, maxConnections: poolSize + 4 });
  await server.start();
  const port = portOf(server);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function portOf(server: PGLiteSocketServer): number {
  const m = /:(\d+)$/.exec(server.getServerConn());
  if (!m) throw new Error('could not read the embedded database port');
  return Number(m[1]);
}
