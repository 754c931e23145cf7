// /api/health while hostile bodies are refused (issue 11, item 5: "10 such posts stalled /api/health
// for 6 s"): waves of 10 simultaneous posts of one kind (the 600 KB of 11 000 exam candidates,
// anonymous and signed in; JSON nested 100 000 deep; a NUL in a public form), a probe reading
// /api/health every 10 ms. Prints the probe's p50/p99 alone and during the waves (target p99 <
// 100 ms) and what the hostile requests were answered. HOSTILE_WAVES waves per kind (default 3).
import { readFileSync } from 'node:fs';
import { login, machine, ms, percentile, startServer } from './lib.mjs';

const WAVES = Number(process.env.HOSTILE_WAVES ?? 3);
const CLIENTS = 10;
const server = await startServer({ env: { LOG_LEVEL: 'warn' } });
try {
  const token = await login(server.api);
  const auth = { authorization: `Bearer ${token}` };
  const post = (path, body, headers = {}) =>
    fetch(`${server.api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const sitting = await (
    await post(
      '/exams',
      {
        examCode: 'boki',
        grade: '3',
        startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        venue: '会議所',
        capacity: 100,
        fee: 2850,
        audience: 'public',
      },
      auth,
    )
  ).json();
  const candidates = JSON.stringify({
    candidates: Array.from({ length: 11_000 }, () => ({ name: '受験', nameKana: 'ア', email: 'x@e.jp' })),
  });
  const hostile = [
    ['11 000 candidates, anonymous', () => post(`/exams/${sitting.id}/applications`, candidates)],
    ['11 000 candidates, signed in', () => post(`/exams/${sitting.id}/applications`, candidates, auth)],
    ['nested 100 000 deep, signed in', () => post('/events', '['.repeat(100_000) + ']'.repeat(100_000), auth)],
    [
      'NUL in a public form',
      () =>
        post(`/public/exams/${sitting.id}/applications`, {
          name: 'a\u0000b',
          nameKana: 'ア',
          email: 'x@e.jp',
          birthDate: '2004-05-06',
          phone: '090-1234-5678',
        }),
    ],
  ];

  // the server's own CPU time (user + system, /proc), a measure a loaded machine does not distort
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${server.pid()}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  };
  const cpu = new Map();

  // the probe runs until told to stop; each answer time is kept with the instant it was sent
  async function probe(state) {
    const times = [];
    while (!state.done) {
      const t0 = performance.now();
      const res = await fetch(`${server.api}/health`);
      await res.arrayBuffer();
      times.push({ at: t0, ms: performance.now() - t0 });
      await new Promise((r) => setTimeout(r, 10));
    }
    return times;
  }

  const quiet = { done: false };
  const aloneRun = probe(quiet);
  await new Promise((r) => setTimeout(r, 2000));
  quiet.done = true;
  const alone = (await aloneRun).map((t) => t.ms);

  const answers = new Map();
  const windows = [];
  const state = { done: false };
  const probing = probe(state);
  for (const [name, send] of hostile) {
    const cpu0 = cpuMs();
    for (let w = 0; w < WAVES; w++) {
      const start = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          const res = await send();
          await res.arrayBuffer();
          const key = `${name} → ${res.status}`;
          answers.set(key, (answers.get(key) ?? 0) + 1);
        }),
      );
      windows.push([start, performance.now(), name]);
      await new Promise((r) => setTimeout(r, 200));
    }
    cpu.set(name, (cpuMs() - cpu0) / (WAVES * CLIENTS));
  }
  state.done = true;
  const all = await probing;
  const during = all.filter((t) => windows.some(([a, b]) => t.at >= a && t.at <= b)).map((t) => t.ms);
  const wave = windows.map(([a, b]) => b - a);

  console.log(
    `hostile bodies (${machine()}, load ${(await import('node:os')).loadavg()[0].toFixed(1)}; ${WAVES} waves of ${CLIENTS} posts per kind)`,
  );
  console.log(`  /api/health alone:         p50 ${ms(percentile(alone, 50))}  p99 ${ms(percentile(alone, 99))}`);
  console.log(
    `  /api/health during waves:  p50 ${ms(percentile(during, 50))}  p99 ${ms(percentile(during, 99))}  (${during.length} probes; target p99 < 100 ms)`,
  );
  console.log(`  a wave of ${CLIENTS} refused in: p50 ${ms(percentile(wave, 50))}  max ${ms(Math.max(...wave))}`);
  for (const [name] of hostile) {
    const mine = windows.filter((w) => w[2] === name);
    const probes = all.filter((t) => mine.some(([a, b]) => t.at >= a && t.at <= b)).map((t) => t.ms);
    const waves = mine.map(([a, b]) => b - a);
    console.log(
      `    ${name}: server CPU ${ms(cpu.get(name))} a request (probes included); waves p50 ${ms(percentile(waves, 50))}, health p99 ${ms(percentile(probes, 99))} (${probes.length})`,
    );
  }
  for (const [key, count] of [...answers].sort()) console.log(`  ${key}: ${count}`);
  if ([...answers.keys()].some((k) => / → (2|5)\d\d$/.test(k))) process.exitCode = 1;
} finally {
  await server.stop();
}
