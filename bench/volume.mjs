// Volume: GET /api/kpis p95 with 10 k and 1 M registrations in the database (the dashboard reads
// counters, never scans registrations), and the roster CSV of a 100 k-row event: rows/s and the
// server's RSS growth while it streams.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { currentFiscalYearOf } from './fiscal.mjs';
import { login, ms, percentile, startServer } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function createEvent(api, token, capacity) {
  const start = new Date(Date.now() + 30 * 86400_000);
  const res = await fetch(`${api}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'seminar',
      title: { ja: '負荷試験セミナー', en: 'Load test seminar' },
      actionItemCode: 'A2-2',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7200_000).toISOString(),
      venue: '会議室',
      capacity,
      audience: 'public',
    }),
  });
  if (res.status !== 201) throw new Error(`event ${res.status} ${await res.text()}`);
  return { id: (await res.json()).id, fy: currentFiscalYearOf(start) };
}

const filled = new Map();

/** n registered rows with their ledger rows and counter, written in bulk the way n sign-ups would. */
async function fill(db, eventId, fy, n) {
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO registration (event_id, status, name, name_kana, email, search_key, source, check_in_token)
     SELECT $1::uuid, 'registered', '負荷 ' || g, 'フカ', 'load' || g || '@example.jp', 'フカ', 'public', md5($1::text || g::text)
       FROM generate_series($3::int + 1, $3::int + $2::int) g`,
    [eventId, n, filled.get(eventId) ?? 0],
  );
  await db.query(
    `INSERT INTO kpi_ledger (action_item_code, measure, fiscal_year, delta, source_type)
     SELECT 'A2-2', 'registrations', $1, 1, 'bench' FROM generate_series(1, $2)`,
    [fy, n],
  );
  await db.query(
    `INSERT INTO kpi_counter (action_item_code, measure, fiscal_year, value) VALUES ('A2-2', 'registrations', $1, $2)
     ON CONFLICT (action_item_code, measure, fiscal_year) DO UPDATE SET value = kpi_counter.value + EXCLUDED.value`,
    [fy, n],
  );
  await db.query(`UPDATE event SET taken = taken + $2, capacity = GREATEST(capacity, taken + $2) WHERE id = $1`, [
    eventId,
    n,
  ]);
  await db.query('COMMIT');
  filled.set(eventId, (filled.get(eventId) ?? 0) + n);
  await db.query('ANALYZE');
}

async function kpisP95(api, token, fy) {
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    const res = await fetch(`${api}/kpis?fiscalYear=${fy}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
const db = new Client({ connectionString: server.databaseUrl });
await db.connect();
try {
  const token = await login(server.api);
  const big = await createEvent(server.api, token, 100_000);
  await fill(db, big.id, big.fy, 10_000);
  const at10k = await kpisP95(server.api, token, big.fy);
  await fill(db, big.id, big.fy, 990_000);
  const at1m = await kpisP95(server.api, token, big.fy);
  console.log(
    `GET /api/kpis (${200} requests): 10 k registrations p50 ${ms(at10k.p50)} p95 ${ms(at10k.p95)}; 1 M registrations p50 ${ms(at1m.p50)} p95 ${ms(at1m.p95)}`,
  );

  const roster = await createEvent(server.api, token, 100_000);
  await fill(db, roster.id, roster.fy, 100_000);
  const pid = server.pid();
  const before = rss(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 50);
  const t0 = performance.now();
  const res = await fetch(`${server.api}/events/${roster.id}/roster.csv`, {
    headers: { authorization: `Bearer ${token}` },
  });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  console.log(
    `roster CSV, 100 k rows: ${lines - 1} rows in ${seconds.toFixed(2)} s = ${Math.round((lines - 1) / seconds)} rows/s, ${(bytes / 2 ** 20).toFixed(1)} MiB; server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB (growth ${(peak - before).toFixed(0)} MiB)`,
  );
} finally {
  await db.end();
  await server.stop();
}
