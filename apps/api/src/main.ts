import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { join } from 'path';
import { ConfigError, loadConfig } from './app/config/app-config';
import { createApp } from './app/create-app';
import { startEmbeddedPostgres } from './app/database/embedded-postgres';
import { prepareDatabase } from './app/database/prepare-database';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Main');
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
  let url = config.databaseUrl;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, 4);
    url = embedded.url;
    logger.log(`embedded PostgreSQL (PGlite) under ${join(config.dataDir, 'pglite')}`);
  }
  await prepareDatabase(url, { seedDemo: config.seedDemo, embedded: Boolean(embedded) });

  const app = await createApp(
    config,
    { url, embedded: Boolean(embedded) },
    { portalDir: join(__dirname, '../portal/browser') },
  );
  if (embedded) {
    const stop = embedded.stop;
    app.getHttpServer().on('close', () => void stop().catch(() => undefined));
  }
  await app.listen(config.port, process.env['HOST'] ?? '0.0.0.0');
  logger.log(
    `Chamber Portal on http://localhost:${config.port} (API /api, docs /api/docs) — ready in ${Date.now() - started} ms`,
  );
}

bootstrap().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
