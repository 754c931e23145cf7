import './first-start';
import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import { join } from 'path';
import type { Duplex } from 'stream';
import { ConfigError, loadConfig } from './app/config/app-config';
import { createApp } from './app/create-app';
import { startEmbeddedPostgres } from './app/database/embedded-postgres';
import { answerParentSql } from './app/database/parent-sql-channel';
import {
  embeddedTemplateDir,
  ensureEmbeddedTemplate,
  seedEmbeddedFolder,
  templateVariant,
  seedDemoFromEnv,
  TemplateWarmUp,
} from './app/database/embedded-template';
import { prepareDatabase } from './app/database/prepare-database';
import { stopGracefullyOnSignals } from './graceful-stop';
import { demoAccountsRefusal, findDemoAccounts, removeDemoAccounts } from './app/database/seed/demo-accounts';
import { dataSourceOptions } from './app/database/data-source-options';
import { DataSource } from 'typeorm';
import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';

/** `--remove-demo-accounts`: deactivate the demo accounts of this database, then exit. */
const REMOVE_DEMO = process.argv.includes('--remove-demo-accounts');

async function withDataSource<T>(
  url: string,
  stream: (() => Duplex) | undefined,
  work: (ds: DataSource) => Promise<T>,
): Promise<T> {
  const ds = new DataSource(dataSourceOptions(url, { poolSize: 1, stream }));
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

/**
 * The app started once on a template database and stopped: the job queue's schema, queues and
 * schedules are made then, not at each new folder's first start. Its own throwaway secret and folder.
 */
const warmUpTemplate: TemplateWarmUp = async (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-template-warm-up-'));
  try {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dir,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'true',
    });
    const app = await createApp(config, { url: db.url, embedded: true, stream: db.stream }, { logger: false });
    await app.init();
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    // a Nest app made without a logger silences every Logger of the process: give them theirs back
    Logger.overrideLogger(new ConsoleLogger());
  }
};

async function bootstrap(): Promise<void> {
  const logger = new Logger('Main');
  if (process.argv.includes('--prepare-embedded-template')) {
    // part of the build (npm run build, npm start): the first start of a data folder is then a copy
    const template = await ensureEmbeddedTemplate(templateVariant(seedDemoFromEnv(process.env)), warmUpTemplate);
    logger.log(`embedded database template: ${template}`);
    process.exit(0);
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }

  const started = Date.now();
  if (config.jwtSecretFile && cluster.isPrimary) {
    logger.log(`JWT_SECRET not set: tokens are signed with the secret kept in ${config.jwtSecretFile}`);
  }
  let url = config.databaseUrl;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let found: Awaited<ReturnType<typeof seedEmbeddedFolder>> | undefined;
  if (!url) {
    const variant = templateVariant(config.seedDemo);
    found = await seedEmbeddedFolder(config.dataDir, variant, warmUpTemplate);
    embedded = await startEmbeddedPostgres(config.dataDir);
    url = embedded.url;
    const how = found === 'template' ? `a copy of the template ${embeddedTemplateDir(variant)}` : `${found} folder`;
    logger.log(`embedded PostgreSQL (PGlite) under ${join(config.dataDir, 'pglite')} (${how})`);
  }
  // a copy of the template is prepared already: made for this migration list and variant
  if (cluster.isPrimary && found !== 'template') {
    await prepareDatabase(url, {
      seedDemo: config.seedDemo && !REMOVE_DEMO,
      embedded: Boolean(embedded),
      stream: embedded?.stream,
    });
  }
  if (REMOVE_DEMO) {
    const changed = await withDataSource(url, embedded?.stream, removeDemoAccounts);
    logger.log(`deactivated ${changed} demo account(s); their password no longer signs in`);
    await embedded?.stop();
    process.exit(0);
  }
  // a database seeded in development keeps accounts with a published password: not in production
  if (config.production && cluster.isPrimary) {
    const refusal = demoAccountsRefusal(await withDataSource(url, embedded?.stream, findDemoAccounts));
    if (refusal) {
      console.error(refusal);
      process.exit(1);
    }
  }
  // WEB_CONCURRENCY > 1 on PostgreSQL: that many worker processes share the port (the instances are
  // stateless; KPI events reach each one by LISTEN/NOTIFY). The embedded database allows one process.
  if (embedded && config.webConcurrency > 1) logger.warn('WEB_CONCURRENCY is ignored on the embedded database');
  if (cluster.isPrimary && config.webConcurrency > 1 && !embedded) {
    logger.log(`starting ${config.webConcurrency} worker processes`);
    const served = new Set<number>();
    cluster.on('listening', (worker) => served.add(worker.id));
    for (let i = 0; i < config.webConcurrency; i++) cluster.fork();
    let stopping = false;
    cluster.on('exit', (worker, code, signal) => {
      if (!stopping && !served.has(worker.id)) {
        // it never started serving (a port taken, the database gone): restarting would only loop
        logger.error(`worker ${worker.process.pid} failed to start (${signal ?? code}); stopping`);
        stopping = true;
        process.exitCode = 1;
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      }
      if (stopping) {
        if (!Object.keys(cluster.workers ?? {}).length) process.exit();
        return;
      }
      logger.warn(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      cluster.fork();
    });
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      process.on(sig, () => {
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
      });
    }
    return;
  }
  // a worker whose primary is gone (killed) has no one to restart it or forward signals: stop
  if (cluster.isWorker) process.on('disconnect', () => process.exit(0));

  const app = await createApp(
    config,
    { url, embedded: Boolean(embedded), stream: embedded?.stream },
    { portalDir: join(__dirname, '../portal/browser') },
  );
  stopGracefullyOnSignals(app, async () => embedded?.stop());
  if (embedded) answerParentSql(embedded.stream); // e2e harness only (E2E_SQL_CHANNEL)
  await app.init();
  // a job fair's opening minute connects hundreds at once: Node's default queue of 511 overflows and
  // the kernel resets the rest
  const server = app.getHttpServer() as import('node:http').Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: config.port, host: process.env['HOST'] ?? '0.0.0.0', backlog: 2048 }, resolve);
  });
  app.flushLogs(); // the logs buffered since createApp (app.listen would flush them; server.listen does not)
  logger.log(
    `Chamber Portal on http://localhost:${config.port} (API /api, docs /api/docs) — ready in ${Date.now() - started} ms`,
  );
}

bootstrap().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
