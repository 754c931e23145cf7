// npm test: format, lint, unit, integration (real PostgreSQL), build, API e2e over HTTP, browser e2e.
// Stops at the first failing step and ends with one line "N passed, N failed" over every test.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { bin, run } from './run-steps.mjs';

const only = process.argv.slice(2);
mkdirSync('tmp/test-results', { recursive: true });
// every server the end-to-end tests start appends its output here, for the personal-data check
const SERVER_LOG = 'tmp/test-results/e2e-server.log';
rmSync(SERVER_LOG, { force: true });
process.env.E2E_SERVER_LOG = SERVER_LOG;
const jestReports = [];

const jest = (name, config, extra = []) => {
  const out = `tmp/test-results/${name}.json`;
  rmSync(out, { force: true });
  jestReports.push(out);
  return [bin('jest'), ['--config', config, '--json', `--outputFile=${out}`, ...extra]];
};

const steps = [
  ['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  // the module-boundary lint rule reads Nx's project graph: compute it first (a fresh clone has none)
  ['project graph', bin('nx'), ['show', 'projects']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  [
    'module boundaries and docker files',
    process.execPath,
    ['--test', 'tools/module-boundaries.test.mjs', 'tools/api-layers.test.mjs', 'tools/docker-files.test.mjs'],
  ],
  ['unit: domain', ...jest('domain', 'libs/domain/jest.config.cjs')],
  ['unit: contracts', ...jest('contracts', 'libs/contracts/jest.config.cjs', ['--passWithNoTests'])],
  ['unit: portal', ...jest('portal', 'apps/portal/jest.config.cjs')],
  ['integration: api on PostgreSQL', ...jest('api', 'apps/api/jest.config.cjs', ['--maxWorkers=2'])],
  ['build', bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'portal', '--output-style=stream']],
  // the same API suites on both engines, so that a difference between them fails (issue 10)
  [
    'e2e: api over HTTP on PostgreSQL',
    ...jest('api-e2e-postgres', 'apps/api-e2e/jest.config.cjs', ['--runInBand']),
    { E2E_ENGINE: 'postgres' },
  ],
  [
    'e2e: api over HTTP on embedded PGlite',
    ...jest('api-e2e-embedded', 'apps/api-e2e/jest.config.cjs', ['--runInBand']),
    { E2E_ENGINE: 'embedded' },
  ],
  ['e2e: browser', ...jest('portal-e2e', 'apps/portal-e2e/jest.config.cjs', ['--runInBand'])],
  ['no personal data in the server logs', process.execPath, ['tools/check-logs.mjs', SERVER_LOG]],
];

function totals() {
  let passed = 0;
  let failed = 0;
  for (const f of jestReports) {
    if (!existsSync(f)) continue;
    const r = JSON.parse(readFileSync(f, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  return { passed, failed };
}

const started = Date.now();
for (const [name, cmd, args, env] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const code = await run(cmd, args, env);
  console.log(
    `=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`,
  );
  if (code !== 0) {
    const { passed, failed } = totals();
    console.log(`\nnpm test failed at "${name}"`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(code);
  }
}
const { passed, failed } = totals();
console.log(`\nall steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
