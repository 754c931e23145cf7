import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { createRequire } from 'module';
import { join, resolve } from 'path';
import { currentFiscalYear } from '@chamber/domain';
import { MIGRATIONS } from '@chamber/migrations';
import { DEMO_ACCOUNTS } from './seed/demo-account-list';

// Where an embedded template lives and which one a configuration uses. Light on purpose (no ORM,
// no Nest): a first start names it before the rest of the server has loaded (embedded-first-copy.ts).

export interface TemplateVariant {
  /** the fiscal year whose demo activity the template holds; null: the plan only (production) */
  demoFiscalYear: number | null;
}

/** The template a new data folder of this configuration copies: with the demo activity in development. */
export const templateVariant = (seedDemo: boolean, now = new Date()): TemplateVariant => ({
  demoFiscalYear: seedDemo ? currentFiscalYear(now) : null,
});

/** SEED_DEMO as the configuration reads it, before the configuration is loaded. */
export function seedDemoFromEnv(env: NodeJS.ProcessEnv): boolean {
  const raw = env['SEED_DEMO'];
  return raw ? /^(1|true|yes)$/i.test(raw) : env['NODE_ENV'] !== 'production';
}

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

/** Whether DATA_DIR already holds an embedded database (else the first start makes it). */
export function hasEmbeddedFolder(dataDir: string): boolean {
  return existsSync(join(resolve(dataDir, 'pglite'), 'PG_VERSION'));
}

/** Whether a template with this folder is whole (made and renamed into place). */
export const isTemplate = (dir: string): boolean => existsSync(join(dir, 'PG_VERSION'));
