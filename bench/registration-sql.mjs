// The SQL one public registration sends, taken from the API's source (apps/api/src/app/events/
// registration-sql.ts, transpiled here by TypeScript), and a pgbench script that runs exactly it:
// the read of the event, then the registration statement, its values made by the API's own builder.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** { EVENT_FOR_REGISTRATION_SQL, registerStatement } as the API runs them. */
export function registrationSql() {
  const out = join(root, 'tmp/bench-sql');
  rmSync(out, { recursive: true, force: true });
  const file = 'events/registration-sql.ts';
  const source = readFileSync(join(root, 'apps/api/src/app', file), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  mkdirSync(join(out, dirname(file)), { recursive: true });
  writeFileSync(join(out, file.replace(/\.ts$/, '.js')), js);
  return require(join(out, 'events/registration-sql.js'));
}

const literal = (s) => `'${String(s).replaceAll("'", "''")}'`;

/**
 * A pgbench script for one public registration on `eventId`: the API's statement with the values
 * its builder makes for a student like the API's, unique per transaction where the API's are (ids,
 * email, token hashes: pgbench's :n and :client_id).
 */
export function pgbenchScript(sql, { eventId, fiscalYear }) {
  const { text, values } = sql.registerStatement({
    eventId,
    people: [
      {
        ord: 1,
        id: 'ID',
        mailId: 'MAIL_ID',
        name: '学生 太郎',
        nameKana: 'ガクセイ タロウ',
        email: 'EMAIL',
        searchKey: '学生太郎|ガクセイタロウ|b@bench.example.jp',
        userId: null,
        school: '相模原大学',
        graduationYear: 2027,
        cancelTokenHash: 'CANCEL_HASH',
        checkInTokenHash: 'CHECK_IN_HASH',
        lang: 'ja',
      },
    ],
    source: 'public',
    memberId: null,
    registeredBy: null,
    mailStatus: 'kept',
    fiscalYear,
  });
  // the participants' JSON as the API sends it, its unique values made per transaction
  // typed: with -M prepared pgbench sends :n and :client_id as parameters of unknown type
  const n = '(:n)::text';
  const c = '(:client_id)::text';
  const unique = {
    '"ID"': `"' || md5(${n} || 'r' || ${c})::uuid || '"`,
    '"MAIL_ID"': `"' || md5(${n} || 'm' || ${c})::uuid || '"`,
    '"EMAIL"': `"b' || ${n} || '-' || ${c} || '@bench.example.jp"`,
    '"CANCEL_HASH"': `"' || md5(${n} || 'c' || ${c}) || '"`,
    '"CHECK_IN_HASH"': `"' || md5(${n} || 't' || ${c}) || '"`,
  };
  // pgbench reads ":name" as a variable, in a JSON literal too ("ord":1, "userId":null): a space
  // after each key's colon keeps the JSON the same and the variables out
  let people = literal(String(values[1]).replace(/":(?=[\w-])/g, '": '));
  for (const [marker, expr] of Object.entries(unique)) people = people.replace(marker, expr);
  const bound = values.map((v, i) => (i === 1 ? `(${people})::jsonb` : v === null ? 'NULL' : literal(v)));
  const bind = (sqlText, vals) => sqlText.replace(/\$(\d+)/g, (m, n) => vals[Number(n) - 1] ?? m);
  const oneLine = (s) =>
    s
      .replace(/--[^\n]*/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return [
    '\\set n random(1, 2000000000)',
    `${bind(oneLine(sql.EVENT_FOR_REGISTRATION_SQL), [literal(eventId)])};`,
    `${bind(oneLine(text), bound)};`,
    '',
  ].join('\n');
}
