const { Client } = require('pg');

const server = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops the databases this run made (template and per-spec copies). */
module.exports = async function globalTeardown() {
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `cp\\_%\\_${process.pid}\\_%`,
    ]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
};
