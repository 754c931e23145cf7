import type { Duplex } from 'stream';
import { Client } from 'pg';

interface SqlRequest {
  type: 'sql';
  id: number;
  text: string;
  values?: unknown[];
}

/**
 * For the end-to-end tests only: the embedded database has no port, so the process that started
 * this server (the e2e harness) may send SQL over the IPC channel it opened, and nothing else can.
 * On only when asked (E2E_SQL_CHANNEL=1), outside production, with a parent holding a channel.
 */
export function answerParentSql(stream: () => Duplex): void {
  if (!process.send || process.env['E2E_SQL_CHANNEL'] !== '1' || process.env['NODE_ENV'] === 'production') return;
  const send = process.send.bind(process);
  process.channel?.unref(); // the channel must not keep a stopping server alive
  process.on('message', (m: SqlRequest) => {
    if (m?.type !== 'sql') return;
    void (async () => {
      const client = new Client({ host: 'embedded', user: 'postgres', database: 'postgres', stream });
      try {
        await client.connect();
        const { rows } = await client.query({ text: m.text, values: m.values });
        send({ type: 'sql-result', id: m.id, rows });
      } catch (e) {
        send({ type: 'sql-result', id: m.id, error: (e as Error).message });
      } finally {
        await client.end().catch(() => undefined);
      }
    })();
  });
}
