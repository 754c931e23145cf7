// Once per Jest run: a template database migrated and seeded (plan + demo accounts), which each
// spec file copies into its own fresh database (CREATE DATABASE … TEMPLATE is fast).
// Plain JS: Jest's global setup does not see the tsconfig path aliases, so the TypeScript part runs
// in a child process through @swc-node/register.
const { spawnSync } = require('child_process');
const { join } = require('path');
const { Client } = require('pg');

const server = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

module.exports = async function globalSetup() {
  const name = `cp_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    // leftovers of crashed runs
    const { rows } = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'cp\\_%' AND datname NOT LIKE $1`,
      [`%\\_${process.pid}\\_%`],
    );
    for (const r of rows) {
      const pid = Number(r.datname.split('_')[2]);
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
      if (!alive) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const root = join(__dirname, '../../../..');
  const r = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'prepare-template.ts'), url.toString()],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, SWC_NODE_PROJECT: join(root, 'apps/api/tsconfig.json') },
    },
  );
  if (r.status !== 0) throw new Error('preparing the template database failed');
  process.env.CP_TEMPLATE_DB = name;
  process.env.CP_RUN_ID = String(process.pid);
};
