import { chromium, type Browser } from 'playwright-core';
import type { LoginResponse } from '@chamber/contracts';

// the harness is plain JS shared with the benchmarks (tools/), outside every project
// eslint-disable-next-line @nx/enforce-module-boundaries
const harness = require('../../../../tools/e2e-server.cjs') as {
  startServer(options?: { env?: Record<string, string>; embedded?: boolean; logFile?: string }): Promise<RunningServer>;
};

export interface RunningServer {
  baseUrl: string;
  api: string;
  log(): string;
  stop(): Promise<void>;
}

/** The built API + portal on a fresh PostgreSQL database with the demo seed. */
export function startServer(options?: { env?: Record<string, string>; logFile?: string }): Promise<RunningServer> {
  return harness.startServer({ ...options, logFile: options?.logFile ?? process.env['E2E_SERVER_LOG'] });
}

/** Debian's Chromium, headless, driven by playwright-core. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A bearer token for a demo account (password demo-pass-2019). */
export async function apiLogin(api: string, email: string): Promise<string> {
  const res = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-pass-2019' }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as LoginResponse).accessToken;
}

/** Polls until the check holds (Jest has no expect.poll). */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
