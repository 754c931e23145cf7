import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { Worker } from 'worker_threads';
import {
  embeddedTemplateDir,
  hasEmbeddedFolder,
  isTemplate,
  seedDemoFromEnv,
  templateVariant,
} from './embedded-template-dir';

/**
 * A new embedded data folder's copy of the template (about 40 MB, a third of a second) begun on a
 * thread of its own before the rest of the server loads: loading the modules keeps the main thread
 * busy for about a second meanwhile. A guess from the environment only: the start takes the copy
 * when its own configuration names the same template and folder, and throws it away otherwise.
 */
interface EarlyCopy {
  template: string;
  target: string;
  copy: string;
  done: Promise<boolean>;
}

let early: EarlyCopy | undefined;

const COPY_IN_WORKER = `const { workerData } = require('worker_threads');
require('fs').cpSync(workerData.from, workerData.to, { recursive: true });`;

export function beginEarlyCopy(env: NodeJS.ProcessEnv = process.env, args = process.argv.slice(2)): void {
  // PostgreSQL, or a command (--prepare-embedded-template, --remove-demo-accounts): nothing to copy
  if (env['DATABASE_URL'] || args.length) return;
  try {
    const dataDir = env['DATA_DIR'] || './data';
    if (hasEmbeddedFolder(dataDir)) return;
    const template = embeddedTemplateDir(templateVariant(seedDemoFromEnv(env)));
    if (!isTemplate(template)) return;
    const target = resolve(dataDir, 'pglite');
    mkdirSync(dirname(target), { recursive: true });
    const copy = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    const worker = new Worker(COPY_IN_WORKER, { eval: true, workerData: { from: template, to: copy } });
    const done = new Promise<boolean>((settle) => {
      worker.once('error', () => settle(false));
      worker.once('exit', (code) => settle(code === 0));
    });
    early = { template, target, copy, done };
  } catch {
    early = undefined; // the start copies on its own
  }
}

/**
 * The early copy of `template` for the folder `target`, finished (a path beside `target`), or
 * undefined when there is none that fits. Copies left by a start that stopped half-way are removed.
 */
export async function takeEarlyCopy(template: string, target: string): Promise<string | undefined> {
  const taken = early;
  early = undefined;
  const ok = taken ? await taken.done : false;
  const use = ok && taken && taken.template === template && taken.target === target ? taken.copy : undefined;
  for (const name of existsSync(dirname(target)) ? readdirSync(dirname(target)) : []) {
    const path = join(dirname(target), name);
    if (name.startsWith(`${basename(target)}.`) && name.endsWith('.tmp') && path !== use) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  return use;
}
