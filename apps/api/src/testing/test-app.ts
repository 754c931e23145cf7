import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@chamber/contracts';
import { loadConfig } from '../app/config/app-config';
import { createApp } from '../app/create-app';
import { createScratchDatabase, dropDatabase } from './databases';

export interface TestApp {
  app: INestApplication;
  /** http://127.0.0.1:<port>/api */
  api: string;
  db: DataSource;
  url: string;
  /** a bearer token for a demo account (password demo-pass-2019) */
  login(email: string): Promise<string>;
  /** fetch against the API with JSON in and out */
  call<T = unknown>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a fresh copy of the migrated, seeded database (real PostgreSQL): one per
 * spec file. Rate limits are off unless the spec sets them.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const template = process.env['CP_TEMPLATE_DB'];
  if (!template) throw new Error('CP_TEMPLATE_DB missing: run through the api jest config (globalSetup)');
  const url = await createScratchDatabase('spec', template);
  const config = loadConfig({ NODE_ENV: 'test', LOGIN_RATE_LIMIT: '0', PUBLIC_RATE_LIMIT: '0', ...env });
  const app = await createApp(config, { url, embedded: false }, { logger: false });
  await app.init();
  // a burst of a thousand sign-ups connects at once: room for them all in the accept queue
  const server = app.getHttpServer() as import('node:http').Server;
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 2048 }, resolve));
  const address = app.getHttpServer().address() as { port: number };
  const api = `http://127.0.0.1:${address.port}/api`;
  const db = app.get(DataSource);
  const tokens = new Map<string, string>();

  const call: TestApp['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${api}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: body as never, headers: res.headers };
  };

  return {
    app,
    api,
    db,
    url,
    call,
    async login(email: string) {
      const cached = tokens.get(email);
      if (cached) return cached;
      const res = await call<LoginResponse>('POST', '/auth/login', { body: { email, password: 'demo-pass-2019' } });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status}`);
      tokens.set(email, res.body.accessToken);
      return res.body.accessToken;
    },
    async close() {
      (app.getHttpServer() as { closeAllConnections?: () => void }).closeAllConnections?.();
      await app.close();
      await dropDatabase(url);
    },
  };
}
