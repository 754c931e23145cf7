// After the end-to-end runs: the servers' whole log (every request of the API and browser tests)
// must carry no personal data — no demo or test email address, no demo person's or student's name.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'tmp/test-results/e2e-server.log';
if (!existsSync(file)) {
  console.error(`no server log at ${file}`);
  process.exit(1);
}
const log = readFileSync(file, 'utf8');
const requests = (log.match(/"req":\{"id":/g) ?? []).length;
if (requests < 100) {
  console.error(`the log holds only ${requests} request lines: not a full run`);
  process.exit(1);
}
const forbidden = [
  /[\w.+-]+@(?:example\.jp|example\.ac\.jp|univ\.example\.jp)/g, // every address the tests use
  /デモ商事|会員担当 デモ|会員社員 デモ|職員 デモ|管理者 デモ/g, // demo company and people
  /学生 \d+|ガクセイ|がくせい/g, // students signing up
  /demo-pass-2019/g,
];
let found = 0;
for (const pattern of forbidden) {
  for (const m of log.matchAll(pattern)) {
    if (found++ < 10)
      console.error(
        `personal data in the server log: "${m[0]}" …${log.slice(Math.max(0, m.index - 80), m.index + 40).replace(/\n/g, ' ')}…`,
      );
  }
}
if (found) {
  console.error(`${found} occurrence(s) of personal data in ${file}`);
  process.exit(1);
}
console.log(`${requests} logged requests, no personal data in ${file}`);
