import { execFileSync } from 'child_process';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import * as ts from 'typescript';
import { RunningServer, startServer } from './support/server';

// CommonJS build of Redocly's linter (the one openapi-typescript itself uses)
const redocly = require('@redocly/openapi-core') as {
  createConfig(config: object): Promise<unknown>;
  lintFromString(o: {
    source: string;
    absoluteRef: string;
    config: unknown;
  }): Promise<{ severity: string; ruleId: string; message: string; location: { pointer?: string }[] }[]>;
};

const root = resolve(__dirname, '../../..');
const work = join(root, 'tmp/openapi-client');

/** Type errors of each file, all checked in one program (the repository's TypeScript and openapi-fetch). */
function typeErrors(files: Record<string, string>): Record<string, string[]> {
  for (const [name, source] of Object.entries(files)) writeFileSync(join(work, name), source);
  const program = ts.createProgram(
    Object.keys(files).map((name) => join(work, name)),
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    },
  );
  const errors: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((name) => [name, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file ? d.file.fileName.split('/').pop()! : 'calls.ts';
    (errors[name] ??= []).push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return errors;
}

describe('the OpenAPI document read by the clients others use (redocly, openapi-typescript)', () => {
  let server: RunningServer;
  let document: string;

  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'warn' } });
    const res = await fetch(`${server.api}/docs-json`);
    expect(res.status).toBe(200);
    document = await res.text();
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("passes redocly's recommended rules with no error", async () => {
    const config = await redocly.createConfig({ extends: ['recommended'] });
    const problems = await redocly.lintFromString({ source: document, absoluteRef: 'docs.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it('declares what the guards decide: public routes take no token, the others say 401 and 403', () => {
    const doc = JSON.parse(document) as {
      paths: Record<string, Record<string, { security?: object[]; responses: Record<string, unknown> }>>;
    };
    const signUp = doc.paths['/api/public/events/{id}/registrations']!['post']!;
    expect(signUp.security).toContainEqual({});
    expect(Object.keys(signUp.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '409', '429']));
    expect(signUp.responses['401']).toBeUndefined();
    const roster = doc.paths['/api/events/{id}/roster']!['get']!;
    expect(roster.security).not.toContainEqual({});
    expect(Object.keys(roster.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404']));
    const csv = doc.paths['/api/events/{id}/roster.csv']!['get']!.responses['200'] as { content: object };
    expect(Object.keys(csv.content)).toEqual(['text/csv']);
    // Accept-Language is always optional (Japanese by default)
    const headers = Object.values(doc.paths)
      .flatMap((item) => Object.values(item))
      .flatMap((op) => (op as { parameters?: { in: string; name: string; required?: boolean }[] }).parameters ?? [])
      .filter((p) => p.in === 'header' && p.name.toLowerCase() === 'accept-language');
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.filter((p) => p.required)).toEqual([]);
  });

  it('generates a typed client (openapi-typescript) that compiles against real calls and refuses wrong ones', () => {
    writeFileSync(join(work, 'openapi.json'), document);
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/openapi-typescript/bin/cli.js'),
        join(work, 'openapi.json'),
        '-o',
        join(work, 'api.d.ts'),
      ],
      {
        stdio: 'pipe',
      },
    );
    const header = `import createClient from 'openapi-fetch';\nimport type { paths } from './api';\nconst api = createClient<paths>({ baseUrl: '${server.baseUrl}' });\n`;
    const calls = `${header}
export async function calls(eventId: string, token: string) {
  await api.POST('/api/auth/login', { body: { email: 'staff@example.jp', password: 'demo-pass-2019' } });
  await api.GET('/api/events/{id}', { params: { path: { id: eventId } } });
  await api.GET('/api/events/{id}/roster.csv', {
    params: { path: { id: eventId }, query: { encoding: 'sjis' } },
    headers: { authorization: 'Bearer ' + token },
    parseAs: 'arrayBuffer',
  });
  await api.POST('/api/public/events/{id}/registrations', {
    params: { path: { id: eventId } },
    body: { name: '山田 花子', nameKana: 'ヤマダ ハナコ', email: 'hanako@example.ac.jp', school: '相模原大学', graduationYear: 2027 },
  });
}
`;
    const errors = typeErrors({
      'calls.ts': calls,
      // the types bite: a misspelt field, an unknown path and a missing path parameter are refused
      'wrong-field.ts': `${header}api.POST('/api/auth/login', { body: { email: 'a', pasword: 'b' } });\n`,
      'wrong-path.ts': `${header}api.GET('/api/no-such-route');\n`,
      'no-param.ts': `${header}api.GET('/api/events/{id}', {});\n`,
    });
    expect(errors['calls.ts']).toEqual([]);
    expect(errors['wrong-field.ts']).not.toEqual([]);
    expect(errors['wrong-path.ts']).not.toEqual([]);
    expect(errors['no-param.ts']).not.toEqual([]);
  });
});
