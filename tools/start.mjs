// npm start: build the API and the portal (cached by Nx after the first time), then serve both on
// one port (PORT, default 3000). Without DATABASE_URL the data lives in embedded PGlite under DATA_DIR.
import { bin, run } from './run-steps.mjs';

const code = await run(bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'portal', '--output-style=stream']);
if (code !== 0) process.exit(code);
// once per machine (and PGlite version and migration list): a new data folder is then a copy, not an initdb
if (!process.env.DATABASE_URL) {
  const made = await run(process.execPath, ['dist/apps/api/main.js', '--prepare-embedded-template']);
  if (made !== 0) process.exit(made);
}
process.exit(await run(process.execPath, ['--enable-source-maps', 'dist/apps/api/main.js']));
