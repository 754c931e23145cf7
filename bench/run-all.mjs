// npm run bench: every figure, one script after another (build first: npm run build).
import { spawnSync } from 'node:child_process';
import { machine } from './lib.mjs';

console.log(`machine: ${machine()}`);
for (const script of ['registrations.mjs', 'sse-latency.mjs', 'volume.mjs', 'startup-and-bundle.mjs']) {
  console.log(`\n# ${script}`);
  const r = spawnSync(process.execPath, [`bench/${script}`], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(${script} exited with ${r.status})`);
}
