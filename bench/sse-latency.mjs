// Commit → SSE latency: a dashboard client listens on /api/kpis/stream while manual entries are
// committed one after another; prints p50/p95 from the commit (the answer) to the event.
import { currentFiscalYearOf } from './fiscal.mjs';
import { login, ms, percentile, startServer } from './lib.mjs';

const N = Number(process.env.SSE_SAMPLES ?? 200);
const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
try {
  const token = await login(server.api);
  const fy = currentFiscalYearOf(new Date());
  const kpis = await (
    await fetch(`${server.api}/kpis?fiscalYear=${fy}`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  const kpi = kpis.find((k) => k.code === 'A1-6-hearings');
  const waiting = new Map();
  const controller = new AbortController();
  const stream = await fetch(`${server.api}/kpis/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const reader = stream.body.getReader();
  void (async () => {
    let buffer = '';
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let i;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = /data: (.*)/.exec(block)?.[1];
        if (!data || !block.includes('event: kpi')) continue;
        const event = JSON.parse(data);
        const w = waiting.get(event.value);
        if (event.kpiId === kpi.id && w) {
          waiting.delete(event.value);
          w(performance.now());
        }
      }
    }
  })();
  await new Promise((r) => setTimeout(r, 200));
  const fromCommit = [];
  const fromRequest = [];
  let value = kpi.value ?? 0;
  for (let i = 0; i < N; i++) {
    value += 1;
    const seen = new Promise((resolve) => waiting.set(value, resolve));
    const t0 = performance.now();
    const res = await fetch(`${server.api}/kpis/${kpi.id}/entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fiscalYear: fy, delta: 1, note: 'bench' }),
    });
    await res.arrayBuffer();
    const t1 = performance.now();
    const t2 = await Promise.race([seen, new Promise((r) => setTimeout(() => r(NaN), 5000))]);
    fromCommit.push(Math.max(0, t2 - t1));
    fromRequest.push(t2 - t0);
  }
  controller.abort();
  const lost = fromCommit.filter(Number.isNaN).length;
  console.log(
    `commit → SSE latency (${N} manual entries, PostgreSQL LISTEN/NOTIFY): p50 ${ms(percentile(fromCommit, 50))}, p95 ${ms(percentile(fromCommit, 95))}; request → SSE p95 ${ms(percentile(fromRequest, 95))}; lost ${lost}`,
  );
} finally {
  await server.stop();
}
