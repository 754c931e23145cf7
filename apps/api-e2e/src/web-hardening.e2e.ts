import { randomBytes } from 'crypto';
import { call, describeOnPostgres, RunningServer, startServer, thisRunsEngine } from './support/server';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('hex'),
  LINK_SECRET: randomBytes(32).toString('hex'),
  SEED_DEMO: 'false',
  PUBLIC_BASE_URL: 'https://portal.example.jp',
};

function expectSecurityHeaders(headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-powered-by')).toBeNull();
}

/** A wrong log-in sent through an appending proxy: the client wrote `spoofed`, the proxy added `client`. */
const wrongLogin = (server: RunningServer, spoofed: string, client: string) =>
  call(server.api, 'POST', '/auth/login', {
    body: { email: 'admin@example.jp', password: 'not-the-password' },
    headers: { 'x-forwarded-for': `${spoofed}, ${client}` },
  });

// the run's engine: npm test runs the API suites once on each (E2E_ENGINE)
describe.each(thisRunsEngine())('web hardening in development (%s)', (_engine, embedded) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ embedded, env: { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => server.stop());

  it('sends the security headers on API answers, errors and the portal; no HSTS over plain http', async () => {
    for (const path of ['/health', '/no-such-route', '/events']) {
      const res = await call(server.api, 'GET', path);
      expectSecurityHeaders(res.headers);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const portal = await fetch(`${server.baseUrl}/events`, { headers: { accept: 'text/html' } });
    expectSecurityHeaders(portal.headers);
  });

  it('serves the API documentation in development', async () => {
    expect((await call(server.api, 'GET', '/docs-json')).status).toBe(200);
    expect((await call(server.api, 'GET', '/docs')).status).toBe(200);
  });

  it('keys the log-in limit on the address the proxy saw, whatever X-Forwarded-For the client wrote', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await wrongLogin(server, `198.51.100.${i}`, '203.0.113.7')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // another client behind the same proxy is not limited
    expect((await wrongLogin(server, '203.0.113.7', '203.0.113.8')).status).toBe(401);
  });
});

describeOnPostgres('web hardening in production (PostgreSQL)', 'production needs DATABASE_URL', () => {
  it('adds HSTS; no API documentation unless API_DOCS=true; TRUST_PROXY as a list of proxies', async () => {
    const server = await startServer({
      env: { ...PRODUCTION, TRUST_PROXY: '127.0.0.1', LOGIN_RATE_LIMIT: '2' },
    });
    try {
      const health = await call(server.api, 'GET', '/health');
      expectSecurityHeaders(health.headers);
      expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect((await call(server.api, 'GET', '/docs-json')).status).toBe(404);
      expect((await call(server.api, 'GET', '/docs')).status).toBe(404);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await wrongLogin(server, `198.51.100.${i}`, '203.0.113.9')).status);
      expect(statuses).toEqual([401, 401, 429, 429]);
    } finally {
      await server.stop();
    }
    const documented = await startServer({ env: { ...PRODUCTION, API_DOCS: 'true', TRUST_PROXY: 'true' } });
    try {
      expect((await call(documented.api, 'GET', '/docs-json')).status).toBe(200);
      expect(documented.log()).toContain('TRUST_PROXY=true is read as 1');
    } finally {
      await documented.stop();
    }
  });
});
