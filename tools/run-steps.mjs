// Small helpers shared by tools/test.mjs and tools/start.mjs.
import { spawn } from 'node:child_process';

const nx = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

/** Runs a command with inherited output (and the environment as it is now); resolves with its exit code. */
export function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const env = { ...process.env, ...nx, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...extraEnv };
    const child = spawn(cmd, args, { stdio: 'inherit', env, shell: false });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export const bin = (name) => `node_modules/.bin/${name}`;
