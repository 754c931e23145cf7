// Shared by the benchmarks: start the built server, log in, percentiles.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
export const { startServer } = require('../tools/e2e-server.cjs');

export async function login(api, email = 'staff@example.jp') {
  const res = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-pass-2019' }),
  });
  if (!res.ok) throw new Error(`login ${res.status}`);
  return (await res.json()).accessToken;
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (n) => `${n.toFixed(1)} ms`;

export function machine() {
  const os = require('node:os');
  return `${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}
