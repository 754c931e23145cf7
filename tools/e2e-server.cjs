// Starts the BUILT product (node dist/apps/api/main.js: API + portal on one port) on a fresh
// database, the way a user runs it, for the API and browser end-to-end tests.
// - real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres): a new
//   database per server, dropped on stop;
// - or, with { embedded: true }, the embedded PGlite in a temporary DATA_DIR.
const { spawn } = require('child_process');
const { mkdtempSync, rmSync, existsSync, createWriteStream } = require('fs');
const { createServer } = require('net');
const { tmpdir } = require('os');
const { join } = require('path');
const { Client } = require('pg');

const root = join(__dirname, '..');
const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function admin(sql) {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * @param {{ env?: Record<string,string>, embedded?: boolean, logFile?: string, dataDir?: string }} [options]
 * @returns {Promise<{ baseUrl: string, api: string, databaseUrl: string | null, dataDir: string | null, port: number, log: () => string, stop: () => Promise<void>, kill: (signal?: string) => Promise<{ code: number | null, signal: string | null }>, restart: () => Promise<void> }>}
 */
async function startServer(options = {}) {
  const main = join(root, 'dist/apps/api/main.js');
  if (!existsSync(main))
    throw new Error('dist/apps/api/main.js is missing: build first (npx nx run-many -t build -p api portal)');
  const port = await freePort();
  let databaseUrl = null;
  let dataDir = options.dataDir ?? null;
  let dbName = null;
  if (options.embedded) {
    dataDir ??= mkdtempSync(join(tmpdir(), 'cp-e2e-'));
  } else {
    dbName = `cp_e2e_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    await admin(`CREATE DATABASE "${dbName}"`);
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  let output = '';
  let child;
  const logStream = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;

  const launch = async () => {
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOGIN_RATE_LIMIT: '0',
      PUBLIC_RATE_LIMIT: '0',
      ...(options.env || {}),
    };
    delete env.DATABASE_URL;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    if (dataDir) env.DATA_DIR = dataDir;
    child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (d) => {
      output += d.toString();
      logStream?.write(d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.slice(-3000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
        if (res.ok) return;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  // resolves with how the process ended (exit code, or the signal that ended it)
  const kill = (signal = 'SIGTERM') =>
    new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode)
        return resolve({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
      child.once('exit', (code, sig) => resolve({ code, signal: sig }));
      child.kill(signal);
    });

  await launch();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    api: `http://127.0.0.1:${port}/api`,
    databaseUrl,
    dataDir,
    port,
    pid: () => child?.pid,
    log: () => output,
    kill,
    restart: launch,
    async stop() {
      await kill();
      logStream?.end();
      if (dbName) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      if (options.embedded && !options.dataDir && dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

module.exports = { startServer, freePort };
