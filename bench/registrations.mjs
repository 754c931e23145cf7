// Registrations under load (not part of npm test). Starts the BUILT server (node dist/apps/api/main.js)
// on a fresh PostgreSQL database with PUBLIC_RATE_LIMIT=0 and one worker process per core
// (WEB_CONCURRENCY), warms up, creates a 300-seat student job fair and sends 2,000 public registrations over
// 50 keep-alive connections (as a reverse proxy holds them), printing registrations/s, p50/p99
// latency and the outcome (checked: no overbooking, waitlist without gaps, counter = ledger).
// Then pgbench runs THE SAME SQL — the event read and the one registration statement, taken from
// the API's source — on a fresh 300-seat event, with as many clients as the API has connections
// (the same contention for the event's row) and with fewer, and the ratios API / pgbench are
// printed: what HTTP, validation, QR codes and mails cost on top of the database's own work.
//
//   NX_DAEMON=false npx nx run api:build && node bench/registrations.mjs
//   options: --requests 2000 --capacity 300 --connections 50 --workers <cores> --pool 20 --warm-up 3000
//            --embedded   the same against embedded PGlite (one process, no pgbench part)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, machine, ms, percentile, startServer } from './lib.mjs';
import { pgbenchScript, registrationSql } from './registration-sql.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const REQUESTS = Number(arg('requests', 2000));
const CAPACITY = Number(arg('capacity', 300));
const CONNECTIONS = Number(arg('connections', 50));
const WARM_UP = Number(arg('warm-up', 3000));
const EMBEDDED = process.argv.includes('--embedded');
const WORKERS = EMBEDDED ? 1 : Number(arg('workers', availableParallelism()));
const POOL_SIZE = Number(arg('pool', 20)); // connections per API process (DATABASE_POOL_SIZE)
const PG_CLIENTS = POOL_SIZE * WORKERS;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const EXPECTED_REGISTERED = Math.min(CAPACITY, REQUESTS);

const server = await startServer({
  embedded: EMBEDDED,
  env: {
    LOG_LEVEL: 'warn',
    PUBLIC_RATE_LIMIT: '0',
    WEB_CONCURRENCY: String(WORKERS),
    DATABASE_POOL_SIZE: String(POOL_SIZE),
  },
});
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
  // a warm-up on another event, so that first-request costs (the JIT compiler needs a few thousand
  // requests per process to settle, pool connections) are not measured: this is the steady rate
  const warm = await createEvent('ウォームアップ', WARM_UP / 4);
  await closedLoop(WARM_UP, (i) => register(warm.id, `warm${i}`));
  const event = await createEvent('ベンチマーク 合同就職説明会', CAPACITY);

  console.log(`Registrations benchmark — ${machine()}`);
  console.log(
    `database: ${EMBEDDED ? 'embedded PGlite' : 'PostgreSQL'}; ${WORKERS} API process(es); ${REQUESTS} public registrations over ${CONNECTIONS} keep-alive connections, ${CAPACITY} seats`,
  );
  const cpu0 = serverCpuMs();
  const t0 = performance.now();
  const results = await closedLoop(REQUESTS, (i) => register(event.id, `s${i}`));
  const wall = performance.now() - t0;
  const cpu = serverCpuMs() - cpu0;
  const bad = results.filter((r) => r.status !== 201);
  const latencies = results.map((r) => r.ms);
  const rate = REQUESTS / (wall / 1000);
  console.log(`  wall time            ${ms(wall)}`);
  console.log(`  registrations/s      ${rate.toFixed(0)}`);
  console.log(`  latency p50 / p99    ${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`);
  // CPU time is what a shared or busy machine does not distort (wall time it does)
  if (WORKERS === 1) console.log(`  server CPU           ${(cpu / REQUESTS).toFixed(2)} ms per registration`);
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
      // pgbench at the API's own concurrency (its connections to the database: the same contention
      // for the event's row), and at fewer clients, where the database alone does best
      const rates = new Map();
      for (const clients of [...new Set([PG_CLIENTS, 16, 8, 4])]) {
        console.log(`pgbench, the same SQL (event read + registration statement), ${clients} clients`);
        const event = await createEvent(`pgbench ${clients} 合同就職説明会`, CAPACITY);
        rates.set(clients, await pgbench(db, event, detail.fiscalYear, clients));
      }
      const [bestClients, best] = [...rates].sort((a, b) => b[1] - a[1])[0];
      console.log(
        `  ratio API / pgbench  ${(rate / rates.get(PG_CLIENTS)).toFixed(2)} at the same concurrency (${PG_CLIENTS} connections; target ≥ 0.5)`,
      );
      console.log(
        `                       ${(rate / best).toFixed(2)} against pgbench's best rate (${bestClients} clients)`,
      );
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

/** CPU time (user + system) the server process has used so far, from /proc (Linux). */
function serverCpuMs() {
  try {
    const fields = readFileSync(`/proc/${server.pid()}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
  } catch {
    return NaN;
  }
}

/** `total` requests from CONNECTIONS clients, each sending its next one when the last is answered. */
async function closedLoop(total, send) {
  const results = new Array(total);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < total) {
        const i = next++;
        results[i] = await send(i);
      }
    }),
  );
  return results;
}

function register(eventId, key) {
  const body = JSON.stringify({
    name: `学生 ${key}`,
    nameKana: 'がくせい たろう',
    email: `${key}@bench.example.jp`,
    school: '相模原大学',
    graduationYear: 2027,
  });
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.api}/public/events/${eventId}/registrations`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            ms: performance.now() - t,
            text: res.statusCode === 201 ? '' : text.slice(0, 200),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** pgbench running the API's own registration SQL on `event`, as many registrations as the API got. */
async function pgbench(db, event, fiscalYear, clients) {
  const dir = mkdtempSync(join(tmpdir(), 'cp-pgbench-'));
  const script = join(dir, 'registration.sql');
  writeFileSync(script, pgbenchScript(registrationSql(), { eventId: event.id, fiscalYear }));
  const perClient = Math.max(1, Math.round(REQUESTS / clients));
  const r = spawnSync(
    'pgbench',
    [
      '-n',
      '-M',
      'prepared',
      '-f',
      script,
      '-c',
      String(clients),
      '-j',
      '2',
      '-t',
      String(perClient),
      server.databaseUrl,
    ],
    { encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  const tps = Number(/tps = ([\d.]+)/.exec(r.stdout ?? '')?.[1]);
  const latency = /latency average = ([\d.]+) ms/.exec(r.stdout ?? '')?.[1];
  const failed = /number of failed transactions: (\d+)/.exec(r.stdout ?? '')?.[1];
  if (!Number.isFinite(tps) || (failed && failed !== '0')) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
  const {
    rows: [check],
  } = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'registered')::int AS registered, count(*)::int AS total,
            (SELECT count(*)::int FROM mail_outbox m JOIN registration x ON m.related_id = x.id::text
             WHERE x.event_id = $1) AS mails
     FROM registration WHERE event_id = $1`,
    [event.id],
  );
  console.log(`  transactions/s       ${tps.toFixed(0)} (${clients} × ${perClient}, latency average ${latency} ms)`);
  console.log(`  its outcome          ${check.registered} registered of ${check.total}, ${check.mails} mails`);
  if (check.registered !== Math.min(CAPACITY, check.total) || check.mails !== check.total) {
    throw new Error('pgbench did not run the registration as the API does');
  }
  return tps;
}
