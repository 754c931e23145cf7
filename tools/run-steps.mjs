// Small helpers shared by tools/test.mjs and tools/start.mjs.
import { spawn } from 'node:child_process';

export const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};

/** Runs a command with inherited output; resolves with its exit code. */
export function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv }, shell: false });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export const bin = (name) => `node_modules/.bin/${name}`;
