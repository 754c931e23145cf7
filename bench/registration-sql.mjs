// The SQL one public registration sends, taken from the API's source (apps/api/src/app/events/
// seat-sql.ts, transpiled here by TypeScript), and a pgbench script that runs exactly it: the read
// of the event, then the one registration statement with the same kind of values.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** { EVENT_FOR_REGISTRATION_SQL, REGISTER_SQL } as the API runs them. */
export function registrationSql() {
  const out = join(root, 'tmp/bench-sql');
  rmSync(out, { recursive: true, force: true });
  for (const file of ['events/seat-sql.ts', 'plan/kpi-sql.ts']) {
    const source = readFileSync(join(root, 'apps/api/src/app', file), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
    mkdirSync(join(out, dirname(file)), { recursive: true });
    writeFileSync(join(out, file.replace(/\.ts$/, '.js')), js);
  }
  return require(join(out, 'events/seat-sql.js'));
}

const literal = (s) => `'${String(s).replaceAll("'", "''")}'`;
// pgbench reads ":name" as a variable, even inside a string: a sample text must not contain one
// (such as 10:00), while ': ' and '":"' are fine
const noColons = (s) => s.replace(/:(?=\w)/g, '：');

/**
 * A pgbench script for one registration on `eventId`: every $n of the statements replaced by a
 * value like the API's (the mail texts and QR attachment copied from a real registration's mail),
 * unique per transaction where the API's are (ids, email, tokens).
 */
export function pgbenchScript(sql, { eventId, fiscalYear, actionItemCode, mail }) {
  const uuid = (tag) => `md5(:n || '${tag}' || :client_id)::uuid`;
  const values = {
    1: `${literal(eventId)}::uuid`,
    2: '1',
    3: literal('public'),
    4: 'NULL',
    5: 'NULL',
    6: `ARRAY[${uuid('r')}]`,
    7: `ARRAY[${literal('学生 太郎')}]`,
    8: `ARRAY[${literal('ガクセイ タロウ')}]`,
    9: `ARRAY['b' || :n || '-' || :client_id || '@bench.example.jp']`,
    10: `ARRAY[${literal('学生太郎|ガクセイタロウ|b@bench.example.jp')}]`,
    11: 'ARRAY[NULL::uuid]',
    12: `ARRAY[${literal('相模原大学')}]`,
    13: 'ARRAY[2027]',
    14: `ARRAY[md5(:n || 'c' || :client_id)]`,
    15: `ARRAY['t' || :n || '-' || :client_id]`,
    16: `ARRAY[${uuid('m')}]`,
    17: `ARRAY[${literal(noColons(mail.subjectRegistered))}]`,
    18: `ARRAY[${literal(noColons(mail.textRegistered))}]`,
    19: `ARRAY[${literal(noColons(mail.attachments))}]`,
    20: `ARRAY[${literal(noColons(mail.subjectWaitlisted))}]`,
    21: `ARRAY[${literal(noColons(mail.textWaitlisted))}]`,
    22: literal('registration_confirmed'),
    23: literal('registration_waitlisted'),
    24: literal('kept'),
    25: literal('{{waitlistPosition}}'),
    26: literal(actionItemCode),
    27: String(fiscalYear),
    28: literal(noColons(JSON.stringify({ actionItemCode, measure: 'registrations', fiscalYear }))),
  };
  const bind = (text, max) => text.replace(/\$(\d+)/g, (m, n) => (Number(n) <= max ? values[n] : m));
  const oneLine = (text) =>
    text
      .replace(/--[^\n]*/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return [
    '\\set n random(1, 2000000000)',
    `${bind(oneLine(sql.EVENT_FOR_REGISTRATION_SQL), 1)};`,
    `${bind(oneLine(sql.REGISTER_SQL), 28)};`,
    '',
  ].join('\n');
}
