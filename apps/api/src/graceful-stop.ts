import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'http';
import { Shutdown } from './app/common/shutdown';

/** SIGTERM/SIGINT to exit: at most this long (orchestrators kill after 10-30 s) */
export const STOP_BUDGET_MS = 9_500;
/** of which requests in flight get this long to finish before their connections are cut */
const DRAIN_MS = 5_000;

/**
 * On SIGTERM or SIGINT: stop accepting connections, end the event streams, let requests in flight
 * finish (closing keep-alive connections as they fall idle), then close the job queue and the
 * database pool (Nest's destroy hooks) and the embedded database, and exit 0. A timer exits 1 if
 * something still hangs. Nest's own shutdown hooks are not used: they close the queue and the pool
 * before the HTTP server, under requests still running, and end the process by re-sending the signal.
 */
export function stopGracefullyOnSignals(
  app: NestExpressApplication,
  closeDatabase: () => Promise<void> = async () => undefined,
): void {
  const logger = new Logger('Stop');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    setTimeout(() => {
      logger.error(`still stopping after ${STOP_BUDGET_MS} ms: exiting anyway`);
      process.exit(1);
    }, STOP_BUDGET_MS).unref();
    logger.log(`${signal}: stopping (no new connections, event streams ended, requests in flight finish)`);

    const server = app.getHttpServer() as Server;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    app.get(Shutdown).begin();
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = new Promise<'cut'>((resolve) => setTimeout(() => resolve('cut'), DRAIN_MS).unref());
    if ((await Promise.race([drained, cut])) === 'cut') {
      logger.warn(`requests still open after ${DRAIN_MS} ms: closing their connections`);
      server.closeAllConnections();
    }
    clearInterval(idle);

    try {
      await app.close(); // job queue (pg-boss), LISTEN connection, database pool
      await closeDatabase();
    } catch (e) {
      logger.error(`stopping failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    }
    logger.log(`stopped in ${Date.now() - started} ms`);
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (s) => void stop(s));
}
