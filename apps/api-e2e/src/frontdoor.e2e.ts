import { createHmac } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { call, login, RunningServer, startServer } from './support/server';

/** The values anyone can read in the repository (the former default and the README's example). */
const PUBLIC_VALUES = ['development-only-secret-do-not-use-in-production', 'x', 'change-me'];

// one engine when the runner picks it (E2E_ENGINE), else both
const engines = process.env['E2E_ENGINE']
  ? [{ name: process.env['E2E_ENGINE'], embedded: process.env['E2E_ENGINE'] === 'embedded' }]
  : [
      { name: 'postgres', embedded: false },
      { name: 'embedded', embedded: true },
    ];

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** The same header and claims as `token`, signed again with `secret` (HS256). */
function resign(token: string, secret: string): string {
  const [header, payload] = token.split('.');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${b64url(signature)}`;
}

describe.each(engines)('the front door on $name', ({ embedded }) => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cp-frontdoor-'));
    // JWT_SECRET unset: the server makes its own (the harness would pass one from the environment)
    server = await startServer({ embedded, dataDir, env: { LOG_LEVEL: 'warn', JWT_SECRET: '' } });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs tokens with a secret of its own, kept in DATA_DIR readable by its owner only', async () => {
    const file = join(dataDir, 'secrets', 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'secrets')).mode & 0o777).toBe(0o700);
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const { accessToken } = await login(server.api, 'admin@example.jp');
    expect(resign(accessToken, secret)).toBe(accessToken); // that file is the signing key
    expect((await call(server.api, 'GET', '/auth/me', { token: accessToken })).status).toBe(200);
  });

  it('refuses a token signed with any value published in the repository (401)', async () => {
    const { accessToken } = await login(server.api, 'admin@example.jp');
    for (const value of PUBLIC_VALUES) {
      const forged = resign(accessToken, value);
      expect((await call(server.api, 'GET', '/auth/me', { token: forged })).status).toBe(401);
      expect((await call(server.api, 'GET', '/kpis/counters', { token: forged })).status).toBe(401);
    }
  });

  it('keeps the secret across a restart: a token from before is still valid', async () => {
    const { accessToken } = await login(server.api, 'staff@example.jp');
    const before = readFileSync(join(dataDir, 'secrets', 'jwt-secret'), 'utf8');
    await server.kill();
    await server.restart();
    expect(readFileSync(join(dataDir, 'secrets', 'jwt-secret'), 'utf8')).toBe(before);
    expect((await call(server.api, 'GET', '/auth/me', { token: accessToken })).status).toBe(200);
  });
});
