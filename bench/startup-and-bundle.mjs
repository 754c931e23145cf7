// Cold start (process start → /api/health/ready) on PostgreSQL and on embedded PGlite (new and
// existing data folder), and the portal's initial bundle size (raw and gzip).
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from './lib.mjs';

async function timed(options) {
  const t0 = performance.now();
  const server = await startServer(options);
  const t = performance.now() - t0;
  return { server, t };
}

// the embedded template is made by the build (npm run build / npm start); make it here if missing
const t0 = performance.now();
spawnSync(process.execPath, ['dist/apps/api/main.js', '--prepare-embedded-template'], { stdio: 'ignore' });
console.log(
  `embedded template present or made in ${((performance.now() - t0) / 1000).toFixed(2)} s (once per machine)`,
);

const pg = await timed({ env: { LOG_LEVEL: 'warn' } });
await pg.server.stop();
const dir = mkdtempSync(join(tmpdir(), 'cp-bench-'));
const fresh = await timed({ embedded: true, dataDir: dir, env: { LOG_LEVEL: 'warn' } });
await fresh.server.kill();
const again = performance.now();
await fresh.server.restart();
const reopen = performance.now() - again;
await fresh.server.stop();
rmSync(dir, { recursive: true, force: true });
console.log(
  `cold start to ready: PostgreSQL (new database, migrate + seed) ${(pg.t / 1000).toFixed(2)} s; PGlite new data folder ${(fresh.t / 1000).toFixed(2)} s; PGlite existing folder ${(reopen / 1000).toFixed(2)} s`,
);

const dist = 'dist/apps/portal/browser';
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...index.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let raw = 0;
let gz = 0;
for (const f of new Set(files)) {
  const b = readFileSync(join(dist, f));
  raw += b.length;
  gz += gzipSync(b, { level: 9 }).length;
}
console.log(
  `portal initial bundle: ${files.length} files, ${(raw / 1024).toFixed(0)} kB raw, ${(gz / 1024).toFixed(0)} kB gzip`,
);
