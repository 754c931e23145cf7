// npm run migration:generate -- Name : writes the next migration from the entities' difference.
import { spawnSync } from 'node:child_process';
const r = spawnSync(
  process.execPath,
  ['-r', '@swc-node/register', 'apps/api/src/testing/print-schema-diff.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.json' },
  },
);
process.exit(r.status ?? 1);
