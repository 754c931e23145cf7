import { Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join, resolve } from 'path';
import { MIGRATIONS } from '@chamber/migrations';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { prepareDatabase } from './prepare-database';
import { DEMO_ACCOUNTS } from './seed/demo-seed';

/**
 * A new embedded data folder is a copy of a template: PGlite's initdb (most of a first start: 5-10 s
 * of WASM work) with every migration, the plan and the job queue's own tables (`warmUp`: the app
 * started once on it) applied; in development also the demo activity of the current fiscal year.
 * Made once per machine, PGlite and pg-boss version, migration list and variant, so a copy needs no
 * preparing at all. The development variant holds the demo accounts too (their password is published,
 * so a hash of their own per folder would protect nothing); the production variant holds no account.
 * The JWT secret is never in it: each data folder makes its own at its first start.
 */
export interface TemplateVariant {
  /** the fiscal year whose demo activity the template holds; null: the plan only (production) */
  demoFiscalYear: number | null;
}

/** Starts the app once on a template database, so that what it sets up at its first start is there. */
export type TemplateWarmUp = (db: EmbeddedPostgres) => Promise<void>;

/** What a template holds, as a number: a template made before a change of it is not used. */
const TEMPLATE_FORMAT = 2;

export function embeddedTemplateDir(variant: TemplateVariant): string {
  // the real resolver (webpack turns a bare require.resolve into a module number)
  const resolver = createRequire(__filename);
  const entry = resolver.resolve('@electric-sql/pglite');
  const nodeModules = entry.slice(0, entry.lastIndexOf('node_modules') + 'node_modules'.length);
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(join(nodeModules, pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const name = variant.demoFiscalYear === null ? 'plan' : `demo-fy${variant.demoFiscalYear}`;
  const key = createHash('sha256')
    .update(`format ${TEMPLATE_FORMAT}\npglite ${version('@electric-sql/pglite')}\npg-boss ${version('pg-boss')}\n`)
    .update(DEMO_ACCOUNTS.map((a) => `${a.email} ${a.role}`).join('\n'))
    .update(MIGRATIONS.map((m) => m.name).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const base = process.env['PGLITE_TEMPLATE_DIR'] || join(nodeModules, '.cache/chamber-portal');
  return resolve(base, `pglite-${name}-${key}`);
}

/** Makes the template if it is missing (safe when several processes try at once); returns its folder. */
export async function ensureEmbeddedTemplate(variant: TemplateVariant, warmUp?: TemplateWarmUp): Promise<string> {
  const dir = embeddedTemplateDir(variant);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const logger = new Logger('Database');
  const started = Date.now();
  const work = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const db = await startEmbeddedPostgres(work);
    try {
      await prepareDatabase(db.url, {
        seedDemo: variant.demoFiscalYear !== null,
        embedded: true,
        stream: db.stream,
      });
      await warmUp?.(db);
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

export async function seedEmbeddedFolder(
  dataDir: string,
  variant: TemplateVariant,
  warmUp?: TemplateWarmUp,
): Promise<'existing' | 'template' | 'initdb'> {
  const target = resolve(dataDir, 'pglite');
  if (existsSync(join(target, 'PG_VERSION'))) return 'existing';
  try {
    const template = await ensureEmbeddedTemplate(variant, warmUp);
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
