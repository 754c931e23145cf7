import { Logger } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { cpSync, mkdirSync, renameSync, rmSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { prepareDatabase } from './prepare-database';
import { embeddedTemplateDir, hasEmbeddedFolder, isTemplate, TemplateVariant } from './embedded-template-dir';
import { takeEarlyCopy } from './embedded-first-copy';

export { embeddedTemplateDir, hasEmbeddedFolder, seedDemoFromEnv, templateVariant } from './embedded-template-dir';
export type { TemplateVariant } from './embedded-template-dir';

/**
 * A new embedded data folder is a copy of a template: PGlite's initdb (most of a first start: 5-10 s
 * of WASM work) with every migration, the plan and the job queue's own tables (`warmUp`: the app
 * started once on it) applied; in development also the demo activity of the current fiscal year.
 * Made once per machine, PGlite and pg-boss version, migration list and variant, so a copy needs no
 * preparing at all. The development variant holds the demo accounts too (their password is published,
 * so a hash of their own per folder would protect nothing); the production variant holds no account.
 * The JWT secret is never in it: each data folder makes its own at its first start.
 *
 * Starts the app once on a template database, so that what it sets up at its first start is there. */
export type TemplateWarmUp = (db: EmbeddedPostgres) => Promise<void>;

/** Makes the template if it is missing (safe when several processes try at once); returns its folder. */
export async function ensureEmbeddedTemplate(variant: TemplateVariant, warmUp?: TemplateWarmUp): Promise<string> {
  const dir = embeddedTemplateDir(variant);
  if (isTemplate(dir)) return dir;
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
      if (!isTemplate(dir)) throw e;
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
  if (hasEmbeddedFolder(dataDir)) return 'existing';
  try {
    const template = await ensureEmbeddedTemplate(variant, warmUp);
    rmSync(target, { recursive: true, force: true }); // a folder left half-made by a crash
    mkdirSync(resolve(dataDir), { recursive: true });
    // begun on another thread while the server loaded (embedded-first-copy.ts), or made now
    let copy = await takeEarlyCopy(template, target);
    if (!copy) {
      copy = `${target}.${randomBytes(4).toString('hex')}.tmp`;
      cpSync(template, copy, { recursive: true });
    }
    renameSync(copy, target); // whole or not at all
    return 'template';
  } catch (e) {
    new Logger('Database').warn(
      `no embedded template (${e instanceof Error ? e.message : String(e)}): initialising from scratch`,
    );
    return 'initdb';
  }
}
