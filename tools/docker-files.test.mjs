// The production files are checked without a Docker engine: the Dockerfile's stages and
// instructions, and the compose file's services. (With Debian's docker-compose package,
// `docker-compose -f docker/compose.yaml config -q` validates the compose file against its schema.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

function dockerfile() {
  const text = readFileSync('docker/Dockerfile', 'utf8').replace(/\\\n/g, ' ');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [instruction, ...rest] = l.split(/\s+/);
      return { instruction: instruction.toUpperCase(), args: rest.join(' ') };
    });
}

test('Dockerfile: known instructions, multi-stage, non-root, health check, a command', () => {
  const lines = dockerfile();
  const known = new Set([
    'FROM',
    'RUN',
    'COPY',
    'ADD',
    'ENV',
    'WORKDIR',
    'USER',
    'EXPOSE',
    'HEALTHCHECK',
    'CMD',
    'ENTRYPOINT',
    'ARG',
    'LABEL',
  ]);
  for (const l of lines) assert.ok(known.has(l.instruction), `unknown instruction ${l.instruction}`);
  const stages = lines.filter((l) => l.instruction === 'FROM').map((l) => /\bAS\s+(\S+)/i.exec(l.args)?.[1]);
  assert.ok(stages.length >= 2, 'multi-stage build');
  for (const l of lines.filter((x) => x.instruction === 'COPY')) {
    const from = /--from=(\S+)/.exec(l.args)?.[1];
    if (from) assert.ok(stages.includes(from), `COPY --from=${from} names a stage`);
    else
      for (const src of l.args
        .split(/\s+/)
        .filter((a) => !a.startsWith('--'))
        .slice(0, -1))
        assert.ok(src === '.' || existsSync(src), `${src} exists`);
  }
  const lastFrom = lines.map((l) => l.instruction).lastIndexOf('FROM');
  const final = lines.slice(lastFrom);
  const user = final.filter((l) => l.instruction === 'USER').pop();
  assert.ok(user && !/^(root|0)$/.test(user.args), 'the final stage runs as a non-root user');
  assert.ok(
    final.some((l) => l.instruction === 'HEALTHCHECK' && l.args.includes('/api/health')),
    'a health check',
  );
  const cmd = final.find((l) => l.instruction === 'CMD');
  assert.ok(cmd && JSON.parse(cmd.args).includes('dist/apps/api/main.js'), 'starts the built server');
});

test('compose: PostgreSQL, API replicas with required secrets, a proxy in front', () => {
  const compose = parse(readFileSync('docker/compose.yaml', 'utf8'));
  const { db, api, proxy } = compose.services;
  assert.match(db.image, /^postgres:/);
  assert.equal(api.build.dockerfile, 'docker/Dockerfile');
  assert.ok(existsSync('docker/Dockerfile'));
  assert.match(api.environment.JWT_SECRET, /:\?/, 'JWT_SECRET is required');
  assert.match(api.environment.DATABASE_URL, /@db:5432\//);
  assert.equal(api.environment.NODE_ENV, 'production');
  assert.match(
    api.environment.PUBLIC_BASE_URL,
    /^\$\{PUBLIC_BASE_URL:-https?:\/\/[^}]+\}$/,
    'links in mails are absolute',
  );
  assert.ok(api.deploy.replicas >= 2, 'several API instances');
  assert.ok(proxy.volumes.some((v) => v.startsWith('./Caddyfile:')) && existsSync('docker/Caddyfile'));
  assert.match(readFileSync('docker/Caddyfile', 'utf8'), /dynamic a api 3000/);
});

test('image: PDFs draw Japanese with the font shipped as a dependency, both faces the code loads kept', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.ok(pkg.dependencies['@expo-google-fonts/noto-sans-jp'], 'the font is a run-time dependency');
  const code = readFileSync('apps/api/src/app/pdf/japanese-fonts.ts', 'utf8');
  const used = [...code.matchAll(/NotoSansJP_\w+\.ttf/g)].map((m) => m[0]);
  assert.deepEqual(used.sort(), ['NotoSansJP_400Regular.ttf', 'NotoSansJP_700Bold.ttf']);
  const text = readFileSync('docker/Dockerfile', 'utf8').replace(/\\\n/g, ' ');
  const prune = text.split('\n').find((l) => l.includes('noto-sans-jp') && l.includes('-delete'));
  assert.ok(prune, 'the unused faces are removed');
  for (const face of used) assert.ok(prune.includes(`! -name '${face}'`), `${face} is kept`);
});

test('image: only what the API needs at run time (the portal is built in; no embedded engine)', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const deps = Object.keys(pkg.dependencies);
  const front = deps.filter((d) => /^@angular\/|^@jsverse\/|^@swimlane\/|^zone\.js$/.test(d));
  assert.deepEqual(front, [], 'front-end packages are build-time devDependencies');
  // what the API's code names, or what the packages it names load by their own peer declarations
  const peers = {
    passport: '@nestjs/passport',
    pino: 'nestjs-pino',
    'pino-http': 'nestjs-pino',
    tslib: 'helpers of the compiled code',
    'reflect-metadata': "main.ts's first import",
    '@expo-google-fonts/noto-sans-jp': 'pdf/japanese-fonts.ts (resolved as files)',
  };
  const sources = execFileSync('git', ['ls-files', 'apps/api/src', 'libs'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('/testing/'));
  const code = sources.map((f) => readFileSync(f, 'utf8')).join('\n');
  const unused = deps.filter((d) => !peers[d] && !new RegExp(`(from |require\\()'${d}(/[^']*)?'`).test(code));
  assert.deepEqual(unused, [], 'every run-time dependency is used by the API');
  const text = readFileSync('docker/Dockerfile', 'utf8').replace(/\\\n/g, ' ');
  assert.match(text, /npm prune --omit=dev/);
  assert.match(text, /rm -rf node_modules\/@electric-sql/, 'the embedded engine stays out of the image');
  // and so production never loads it: the API requires it lazily, only without DATABASE_URL
  const embedded = readFileSync('apps/api/src/app/database/embedded-postgres.ts', 'utf8');
  assert.doesNotMatch(embedded, /^import (?!type)[^\n]*@electric-sql/m);
});
