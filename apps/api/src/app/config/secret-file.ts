import { randomBytes } from 'crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'fs';
import { join, resolve } from 'path';

/**
 * Values that are public (the former development default, and the placeholders printed in the
 * README and the docker files): a token signed with one of them could be forged by anyone, so they
 * are refused as secrets everywhere, not only in production.
 */
export const PUBLIC_SECRET_VALUES: readonly string[] = [
  'development-only-secret-do-not-use-in-production',
  'x',
  '...',
  'change-me',
  'changeme',
  'secret',
];

/** Why a configured secret cannot be used, or null when it can. */
export function secretProblem(name: string, value: string, production: boolean): string | null {
  if (PUBLIC_SECRET_VALUES.includes(value.trim())) {
    return `${name} is a value published in the repository (an example or the former development default): choose a random one, e.g. openssl rand -hex 32`;
  }
  if (production && value.length < 32) return `${name} must be at least 32 characters in production`;
  return null;
}

/**
 * The secret kept in DATA_DIR/secrets/<name> (folder 0700, file 0600), made of 32 random bytes at
 * the first start and read again on every later one, so tokens and mailed links survive a restart.
 * Written to a temporary file and linked into place: a crash never leaves half a secret, and of
 * two processes starting together the second reads the first one's file.
 */
export function readOrCreateSecret(dataDir: string, name: string): { value: string; path: string; created: boolean } {
  const dir = resolve(dataDir, 'secrets');
  const path = join(dir, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // an older or hand-made folder: make it private too
  const existing = readSecret(path);
  if (existing !== null) return { value: existing, path, created: false };

  const value = randomBytes(32).toString('base64url');
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${value}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path); // fails if another process got there first: then its secret is the one
    fsyncDir(dir);
    return { value, path, created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const theirs = readSecret(path);
    if (theirs === null) throw new Error(`${path} vanished while starting`, { cause: e });
    return { value: theirs, path, created: false };
  } finally {
    rmSync(tmp, { force: true });
  }
}

function readSecret(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  chmodSync(path, 0o600);
  const value = text.trim();
  // never replaced silently: a new secret would sign everyone out and void every mailed link
  if (value.length < 32)
    throw new Error(`${path} does not hold a secret of 32+ characters: delete it to make a new one`);
  return value;
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
