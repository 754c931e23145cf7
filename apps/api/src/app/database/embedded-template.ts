import { Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join, resolve } from 'path';
import { MIGRATIONS } from '@chamber/migrations';
import { startEmbeddedPostgres } from './embedded-postgres';
import { prepareDatabase } from './prepare-database';

/**
 * A new embedded data folder is a copy of a template: PGlite's initdb (most of a first start: 5-10 s
 * of WASM work) with every migration and the plan applied, made once per machine, PGlite version and
 * migration list. The demo accounts (hashed with their own salt, activity dated from today) and the
 * JWT secret are never in it: they are made for each data folder when it first starts.
 */
export function embeddedTemplateDir(): string {
  // the real resolver (webpack turns a bare require.resolve into a module number)
  const entry = createRequire(__filename).resolve('@electric-sql/pglite');
  const nodeModules = entry.slice(0, entry.lastIndexOf('node_modules') + 'node_modules'.length);
  const pglite = JSON.parse(readFileSync(join(nodeModules, '@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  };
  const key = createHash('sha256')
    .update(`pglite ${pglite.version}\n${MIGRATIONS.map((m) => m.name).join('\n')}`)
    .digest('hex')
    .slice(0, 16);
  const base = process.env['PGLITE_TEMPLATE_DIR'] || join(nodeModules, '.cache/chamber-portal');
  return resolve(base, `pglite-${key}`);
}

/** Makes the template if it is missing (safe when several processes try at once); returns its folder. */
export async function ensureEmbeddedTemplate(): Promise<string> {
  const dir = embeddedTemplateDir();
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const logger = new Logger('Database');
  const started = Date.now();
  const work = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const db = await startEmbeddedPostgres(work);
    try {
      await prepareDatabase(db.url, { seedDemo: false, embedded: true, stream: db.stream });
    } finally {
      await db.stop(); // a clean shutdown: the copy opens without recovery
    }
    mkdirSync(dirname(dir), { recursive: true });
    try {
      renameSync(join(work, 'pglite'), dir);
      logger.log(`made the embedded database template in ${Date.now() - started} ms (${dir})`);
    } catch (e) {
      // another process made it first: keep theirs
      if (!existsSync(join(dir, 'PG_VERSION'))) throw e;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/**
 * A data folder without a database gets a copy of the template (made now if missing). Returns how
 * the folder was found; on any failure with the template the folder is left to PGlite's own initdb.
 */
export async function seedEmbeddedFolder(dataDir: string): Promise<'existing' | 'template' | 'initdb'> {
  const target = resolve(dataDir, 'pglite');
  if (existsSync(join(target, 'PG_VERSION'))) return 'existing';
  try {
    const template = await ensureEmbeddedTemplate();
    rmSync(target, { recursive: true, force: true }); // a folder left half-made by a crash
    mkdirSync(resolve(dataDir), { recursive: true });
    const copy = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    cpSync(template, copy, { recursive: true });
    renameSync(copy, target); // whole or not at all
    return 'template';
  } catch (e) {
    new Logger('Database').warn(
      `no embedded template (${e instanceof Error ? e.message : String(e)}): initialising from scratch`,
    );
    return 'initdb';
  }
}
