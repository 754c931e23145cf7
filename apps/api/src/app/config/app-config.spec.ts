import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError, loadConfig } from './app-config';
import { PUBLIC_SECRET_VALUES } from './secret-file';

const FORMER_DEFAULT = 'development-only-secret-do-not-use-in-production';
const STRONG = 'a'.repeat(16) + 'Zq93kLmN0pRsTuVw'; // 32 characters, not a published value

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('loadConfig: secrets', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'cp-config-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('without JWT_SECRET in development makes a random secret in DATA_DIR (0700/0600) and reuses it', () => {
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    const file = join(dataDir, 'secrets', 'jwt-secret');
    expect(first.jwtSecretFile).toBe(file);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'secrets')).mode & 0o777).toBe(0o700);

    const again = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(again.jwtSecret).toBe(first.jwtSecret);

    const other = mkdtempSync(join(tmpdir(), 'cp-config-'));
    try {
      expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: other }).jwtSecret).not.toBe(first.jwtSecret);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a kept secret that is too short rather than replacing it silently', () => {
    mkdirSync(join(dataDir, 'secrets'), { recursive: true });
    writeFileSync(join(dataDir, 'secrets', 'jwt-secret'), 'short\n');
    const problems = problemsOf({ NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(problems.join('\n')).toMatch(/JWT_SECRET.*jwt-secret/);
  });

  it('keeps nothing on disk under NODE_ENV=test (a random secret per process)', () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
    expect(config.jwtSecretFile).toBeNull();
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(() => statSync(join(dataDir, 'secrets'))).toThrow();
  });

  it.each(['development', 'production'])(
    'refuses the former default and the published placeholders (%s)',
    (nodeEnv) => {
      for (const value of [FORMER_DEFAULT, ...PUBLIC_SECRET_VALUES]) {
        const env = {
          NODE_ENV: nodeEnv,
          DATA_DIR: dataDir,
          DATABASE_URL: 'postgres://db/x',
          SEED_DEMO: 'false',
          PUBLIC_BASE_URL: 'https://portal.example.jp',
        };
        expect(problemsOf({ ...env, JWT_SECRET: value })).toEqual([expect.stringMatching(/^JWT_SECRET /)]);
        expect(problemsOf({ ...env, JWT_SECRET: STRONG, LINK_SECRET: value })).toEqual([
          expect.stringMatching(/^LINK_SECRET /),
        ]);
      }
    },
  );

  it('refuses secrets shorter than 32 characters in production, naming the variable', () => {
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/x',
      PUBLIC_BASE_URL: 'https://portal.example.jp',
    };
    expect(problemsOf({ ...env, JWT_SECRET: 'tooShort-but-not-public' })).toEqual([
      'JWT_SECRET must be at least 32 characters in production',
    ]);
    expect(problemsOf({ ...env, JWT_SECRET: STRONG, LINK_SECRET: 'tooShort-but-not-public' })).toEqual([
      'LINK_SECRET must be at least 32 characters in production',
    ]);
    expect(problemsOf({ ...env, JWT_SECRET: STRONG })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toEqual([
      'JWT_SECRET is required when NODE_ENV=production',
      expect.stringMatching(/^PUBLIC_BASE_URL is required when NODE_ENV=production/),
    ]);
  });

  it('requires PUBLIC_BASE_URL in production, an http(s) address anywhere (links in mails must reach people)', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', JWT_SECRET: STRONG };
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL is required when NODE_ENV=production/)]);
    for (const bad of ['portal.example.jp', 'ftp://portal.example.jp', 'https://portal.example.jp/?a=1', 'https://']) {
      expect(problemsOf({ ...env, PUBLIC_BASE_URL: bad })).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL must be/)]);
      expect(problemsOf({ NODE_ENV: 'development', DATA_DIR: dataDir, PUBLIC_BASE_URL: bad })).toEqual([
        expect.stringMatching(/^PUBLIC_BASE_URL must be/),
      ]);
    }
    expect(problemsOf({ ...env, PUBLIC_BASE_URL: 'https://portal.example.jp/chamber/' })).toEqual([]);
    // development keeps its fallback: this server
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }).publicBaseUrl).toBeNull();
  });

  it('finds every placeholder the README and the docker files print for a secret', () => {
    const root = join(__dirname, '../../../../..');
    const docs = ['README.md', 'docker/compose.yaml'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    const shown = [...docs.matchAll(/(?:JWT_SECRET|LINK_SECRET)=([^\s$`]+)/g)].map((m) => m[1]!);
    for (const value of shown) expect(PUBLIC_SECRET_VALUES).toContain(value);
  });
});
