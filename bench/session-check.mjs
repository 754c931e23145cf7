// What the per-request session check costs (not part of npm test). Starts the BUILT server on a fresh
// PostgreSQL database (or --embedded) and sends the same public read, GET /api/health (no database work), with and
// without a member's bearer token: with one, every request verifies the JWT and reads its session,
// account and company (one indexed query, no cache). Prints requests/s and p50/p99 of both, then the
// session query alone as PostgreSQL runs it. Public sign-ups carry no token and never reach the check.
//
//   NX_DAEMON=false npx nx run api:build && node bench/session-check.mjs [--requests 3000 --connections 20 --embedded]
import http from 'node:http';
import { createRequire } from 'node:module';
import { login, machine, ms, percentile, startServer } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const REQUESTS = Number(arg('requests', 3000));
const CONNECTIONS = Number(arg('connections', 20));
const EMBEDDED = process.argv.includes('--embedded');

const server = await startServer({ embedded: EMBEDDED, env: { LOG_LEVEL: 'warn', WEB_CONCURRENCY: '1' } });
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function get(path, token) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      `${server.api}${path}`,
      { agent, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function run(label, token) {
  const times = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next++ < REQUESTS) times.push(await get('/health', token));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(28)} ${(times.length / seconds).toFixed(0).padStart(6)} req/s   p50 ${ms(percentile(times, 50))}   p99 ${ms(percentile(times, 99))}`,
  );
  return times.length / seconds;
}

try {
  const token = await login(server.api, 'member@example.jp');
  console.log(
    `${machine()}; ${EMBEDDED ? 'embedded PGlite' : 'PostgreSQL'}; ${REQUESTS} × GET /api/health over ${CONNECTIONS} connections`,
  );
  await run('warm-up', undefined);
  await run('warm-up (token)', token);
  // the same token with its signature spoilt: passport parses and verifies it, no database read
  const [head, body, sig] = token.split('.');
  const forged = `${head}.${body}.${sig.slice(0, -4)}${sig.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  const anonymous = await run('anonymous (no check)', undefined);
  const jwtOnly = await run('bad signature (JWT only)', forged);
  const signed = await run('bearer token (JWT + session)', token);
  const pct = (a, b) => `${(((a - b) / a) * 100).toFixed(1)} %`;
  console.log(
    `throughput lost to the JWT check: ${pct(anonymous, jwtOnly)}; to the session read on top: ${pct(jwtOnly, signed)}`,
  );
  if (server.databaseUrl) {
    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    const [session] = (await db.query(`SELECT id, user_id FROM auth_session WHERE revoked_at IS NULL LIMIT 1`)).rows;
    const sql = `SELECT u.role, u.member_id, u.active, u.totp_enabled_at IS NOT NULL AS totp_enrolled,
      (m.left_on IS NOT NULL AND m.left_on <= (now() AT TIME ZONE 'Asia/Tokyo')::date) AS company_left
      FROM auth_session s JOIN user_account u ON u.id = s.user_id LEFT JOIN member m ON m.id = u.member_id
      WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`;
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) await db.query(sql, [session.id, session.user_id]);
    console.log(`the session query alone, one connection, round trip included: ${ms((performance.now() - t0) / 2000)}`);
    await db.end();
  }
} finally {
  agent.destroy();
  await server.stop();
}
