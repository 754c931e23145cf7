// Starts the BUILT product (node dist/apps/api/main.js: API + portal on one port) on a fresh
// database, the way a user runs it, for the API and browser end-to-end tests.
// - real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres): a new
//   database per server, dropped on stop;
// - or, with { embedded: true }, the embedded PGlite in a temporary DATA_DIR.
// A test that does not say runs on E2E_ENGINE (postgres, the default, or embedded): npm test runs
// the API suites once on each. `sql()` reaches either database (the embedded one has no port: the
// harness asks the server over the IPC channel it opened, E2E_SQL_CHANNEL).
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

/** The engine a test runs on when it does not say: E2E_ENGINE=postgres (default) or embedded. */
function defaultEngine() {
  const engine = process.env.E2E_ENGINE || 'postgres';
  if (engine !== 'postgres' && engine !== 'embedded') throw new Error(`E2E_ENGINE=${engine}: postgres or embedded`);
  return engine;
}

/**
 * @param {{ env?: Record<string,string>, embedded?: boolean, logFile?: string, dataDir?: string }} [options]
 * @returns {Promise<{ engine: 'postgres' | 'embedded', baseUrl: string, api: string, databaseUrl: string | null, dataDir: string | null, port: number, pid: () => number | undefined, sql: (text: string, values?: unknown[]) => Promise<any[]>, log: () => string, stop: () => Promise<void>, kill: (signal?: string) => Promise<{ code: number | null, signal: string | null }>, restart: () => Promise<void> }>}
 */
async function startServer(options = {}) {
  options = { ...options, embedded: options.embedded ?? defaultEngine() === 'embedded' };
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
  const pendingSql = new Map();
  let sqlIds = 0;
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
    if (options.embedded) env.E2E_SQL_CHANNEL = '1';
    child = spawn(process.execPath, [main], {
      cwd: root,
      env,
      // the IPC channel carries the tests' SQL to the embedded database (structured clone keeps Dates)
      stdio: ['ignore', 'pipe', 'pipe', ...(options.embedded ? ['ipc'] : [])],
      serialization: 'advanced',
    });
    child.on('message', (m) => {
      const waiting = m && m.type === 'sql-result' && pendingSql.get(m.id);
      if (!waiting) return;
      pendingSql.delete(m.id);
      if (m.error) waiting.reject(new Error(m.error));
      else waiting.resolve(m.rows);
    });
    child.once('exit', () => {
      for (const w of pendingSql.values()) w.reject(new Error('the server stopped'));
      pendingSql.clear();
    });
    const onData = (d) => {
      output += d.toString();
      logStream?.write(d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const deadline = Date.now() + 150_000; // a new embedded folder on a busy machine can take a minute
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.slice(-3000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
        if (res.ok) return;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL'); // a server left running would keep the test runner from exiting
        throw new Error(`server did not become ready:\n${output.slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 25)); // often: the cold-start benchmark times the server, not this poll
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

  /** Runs one statement on the server's database (rows as node-postgres returns them). */
  const sql = async (text, values = []) => {
    if (!options.embedded) {
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        return (await c.query(text, values)).rows;
      } finally {
        await c.end();
      }
    }
    if (!child || child.exitCode !== null || child.signalCode) throw new Error('sql(): the server is not running');
    const id = ++sqlIds;
    return new Promise((resolve, reject) => {
      pendingSql.set(id, { resolve, reject });
      child.send({ type: 'sql', id, text, values });
    });
  };

  await launch();
  return {
    engine: options.embedded ? 'embedded' : 'postgres',
    sql,
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
