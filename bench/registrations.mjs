// Registrations under load (not part of npm test). Starts the BUILT server (node dist/apps/api/main.js)
// on a fresh PostgreSQL database with PUBLIC_RATE_LIMIT=0, creates a 300-seat student job fair, fires
// 1,000 concurrent public registrations, and prints registrations/s, p50/p99 latency and the final
// registered/waitlisted counts (checked: no overbooking, waitlist 1..700, counter = 300 = its ledger).
// Then pgbench runs the same SQL shape (an insert plus a counter update in one transaction) at the
// concurrency that reaches the database (the API's pool of 20 connections), and the ratio is printed.
//
//   NX_DAEMON=false npx nx run api:build && node bench/registrations.mjs
//   options: --requests 1000 --capacity 300 --pgbench-clients 20
//            --embedded   the same against embedded PGlite (no pgbench part)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, machine, ms, percentile, startServer } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const REQUESTS = Number(arg('requests', 1000));
const CAPACITY = Number(arg('capacity', 300));
const PG_CLIENTS = Number(arg('pgbench-clients', 20));
const EMBEDDED = process.argv.includes('--embedded');
const EXPECTED_REGISTERED = Math.min(CAPACITY, REQUESTS);

const server = await startServer({ embedded: EMBEDDED, env: { LOG_LEVEL: 'warn', PUBLIC_RATE_LIMIT: '0' } });
let failed = false;
try {
  const staff = await login(server.api);
  const start = new Date(Date.now() + 7 * 24 * 3600_000);
  const createEvent = async (title, capacity) => {
    const res = await fetch(`${server.api}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'job_fair',
        title: { ja: title, en: 'Benchmark job fair' },
        actionItemCode: 'A1-1',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(),
        venue: '相模原市産業会館',
        capacity,
        audience: 'students',
      }),
    });
    if (res.status !== 201) throw new Error(`create event: ${res.status} ${await res.text()}`);
    return res.json();
  };
  // a warm-up on another event, so that first-request costs (JIT, pool connections) are not measured
  const warm = await createEvent('ウォームアップ', 10);
  await Promise.all(Array.from({ length: 20 }, (_, i) => register(warm.id, `warm${i}`)));
  const event = await createEvent('ベンチマーク 合同就職説明会', CAPACITY);

  console.log(`Registrations benchmark — ${machine()}`);
  console.log(
    `database: ${EMBEDDED ? 'embedded PGlite' : 'PostgreSQL'}; ${REQUESTS} concurrent public registrations, ${CAPACITY} seats`,
  );
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => register(event.id, `s${i}`)));
  const wall = performance.now() - t0;
  const bad = results.filter((r) => r.status !== 201);
  const latencies = results.map((r) => r.ms);
  const rate = REQUESTS / (wall / 1000);
  console.log(`  wall time            ${ms(wall)}`);
  console.log(`  registrations/s      ${rate.toFixed(0)}`);
  console.log(`  latency p50 / p99    ${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`);
  if (bad.length) console.log(`  NOT 201              ${bad.length} (e.g. ${bad[0].status} ${bad[0].text})`);

  // the outcome, read back through the API
  const detail = await (await fetch(`${server.api}/events/${event.id}`)).json();
  const roster = await (
    await fetch(`${server.api}/events/${event.id}/roster`, { headers: { authorization: `Bearer ${staff}` } })
  ).json();
  const registered = roster.filter((r) => r.status === 'registered').length;
  const positions = roster
    .filter((r) => r.status === 'waitlisted')
    .map((r) => r.waitlistPosition)
    .sort((a, b) => a - b);
  const gapless = positions.every((p, i) => p === i + 1);
  console.log(
    `  registered           ${registered} (event says ${detail.registeredCount}, capacity ${detail.capacity})`,
  );
  console.log(
    `  waitlisted           ${positions.length} (positions 1..${positions.at(-1) ?? 0}${gapless ? ', no gaps' : ', GAPS'})`,
  );
  console.log(`  overbooking          ${registered > CAPACITY ? registered - CAPACITY : 'none'}`);
  failed ||=
    bad.length > 0 ||
    registered !== EXPECTED_REGISTERED ||
    detail.registeredCount !== EXPECTED_REGISTERED ||
    positions.length !== REQUESTS - EXPECTED_REGISTERED ||
    !gapless;

  if (!EMBEDDED) {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const {
        rows: [c],
      } = await db.query(
        `SELECT (SELECT value::int FROM kpi_counter
                 WHERE action_item_code = 'A1-1' AND measure = 'registrations' AND fiscal_year = $1) AS counter,
                (SELECT SUM(delta)::int FROM kpi_ledger
                 WHERE action_item_code = 'A1-1' AND measure = 'registrations' AND fiscal_year = $1) AS ledger,
                (SELECT SUM(delta)::int FROM kpi_ledger WHERE source_type = 'registration'
                 AND source_id IN (SELECT id::text FROM registration WHERE event_id = $2)) AS this_event`,
        [detail.fiscalYear, event.id],
      );
      console.log(
        `  counter              +${c.this_event} 'registrations' for this event; counter ${c.counter} = ledger ${c.ledger}: ${c.counter === c.ledger ? 'yes' : 'NO'}`,
      );
      failed ||= c.counter !== c.ledger || c.this_event !== EXPECTED_REGISTERED;
      console.log(`pgbench, same SQL shape (insert + counter update per transaction), ${PG_CLIENTS} clients`);
      const tps = await pgbench(db, event.id);
      console.log(`  ratio API / pgbench  ${(rate / tps).toFixed(2)} (target ≥ 0.5)`);
    } finally {
      await db.end();
    }
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);

async function register(eventId, key) {
  const t = performance.now();
  const res = await fetch(`${server.api}/public/events/${eventId}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `学生 ${key}`,
      nameKana: 'がくせい たろう',
      email: `${key}@bench.example.jp`,
      school: '相模原大学',
      graduationYear: 2027,
    }),
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - t, text: res.status === 201 ? '' : text.slice(0, 200) };
}

/** pgbench on copies of the two tables (same columns and indexes), in the same database. */
async function pgbench(db, eventId) {
  await db.query(`CREATE TABLE bench_registration (LIKE registration INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await db.query(`CREATE TABLE bench_counter (LIKE kpi_counter INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await db.query(
    `INSERT INTO bench_counter (action_item_code, measure, fiscal_year, value) VALUES ('A1-1', 'registrations', 2026, 0)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'cp-pgbench-'));
  const script = join(dir, 'registration.sql');
  writeFileSync(
    script,
    [
      '\\set n random(1, 2000000000)',
      'BEGIN;',
      `INSERT INTO bench_registration (event_id, status, name, name_kana, email, search_key, source, check_in_token) VALUES ('${eventId}', 'registered', '学生 太郎', 'ガクセイ タロウ', 'b' || :n || '-' || :client_id || '@example.jp', '学生太郎|ガクセイタロウ', 'public', 't' || :n || '-' || :client_id);`,
      `UPDATE bench_counter SET value = value + 1, updated_at = now() WHERE action_item_code = 'A1-1' AND measure = 'registrations' AND fiscal_year = 2026;`,
      'COMMIT;',
      '',
    ].join('\n'),
  );
  const perClient = Math.max(1, Math.round(REQUESTS / PG_CLIENTS));
  const r = spawnSync(
    'pgbench',
    ['-n', '-f', script, '-c', String(PG_CLIENTS), '-j', '2', '-t', String(perClient), server.databaseUrl],
    { encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  const tps = Number(/tps = ([\d.]+)/.exec(r.stdout ?? '')?.[1]);
  const latency = /latency average = ([\d.]+) ms/.exec(r.stdout ?? '')?.[1];
  if (!Number.isFinite(tps)) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
  console.log(`  transactions/s       ${tps.toFixed(0)} (${PG_CLIENTS} × ${perClient}, latency average ${latency} ms)`);
  return tps;
}
