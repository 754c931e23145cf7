import fc from 'fast-check';
import { randomUUID } from 'crypto';
import { call, login, RunningServer, startServer } from './support/server';

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  $ref?: string;
  items?: Schema;
}
interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

const INJECTIONS = [
  "'; DROP TABLE member; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '\u0000',
  '𠮷野家'.repeat(2000),
  'x'.repeat(1_000_000),
];

/** Bodies that are wrong: wrong types, oversized, injection-like, unknown fields, not objects. */
function hostileBody(fields: string[]): fc.Arbitrary<unknown> {
  const nasty = fc.oneof(
    fc.constantFrom(...INJECTIONS),
    fc.anything({ maxDepth: 3 }),
    fc.double(),
    fc.integer({ min: -2147483649, max: 2147483648 }).map((n) => n * 1e12),
    fc.constant(null),
    fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 5 }),
  );
  const known = fields.length ? fc.dictionary(fc.constantFrom(...fields), nasty, { minKeys: 1 }) : fc.constant({});
  return fc.oneof(
    known,
    fc
      .tuple(known, fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), nasty, { minKeys: 1, maxKeys: 3 }))
      .map(([a, b]) => ({ ...b, ...a })),
    fc.anything({ maxDepth: 2 }),
    fc.constantFrom('[]', 'null', '"text"', '123'),
  );
}

function fieldsOf(doc: OpenApi, schema: Schema | undefined): string[] {
  if (!schema) return [];
  if (schema.$ref) return fieldsOf(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
  return Object.keys(schema.properties ?? {});
}

/**
 * Property-based: every write endpoint, called by an admin with hostile bodies, never answers 5xx,
 * and when it refuses, the database row counts do not change.
 */
describe('hostile input on every write endpoint', () => {
  let server: RunningServer;
  let admin: string;
  let doc: OpenApi;

  beforeAll(async () => {
    server = await startServer();
    admin = (await login(server.api, 'admin@example.jp')).accessToken;
    doc = (await call<OpenApi>(server.api, 'GET', '/docs-json')).body;
  });
  afterAll(() => server.stop());

  async function rowCounts(): Promise<string> {
    // bookkeeping that a refused request may touch (its audit row, idempotency key, rate-limit count)
    // is not data the request could have written
    const tables = await server.sql<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_log', 'idempotency_key', 'rate_limit_counter', 'typeorm_migrations') ORDER BY 1`,
    );
    const counts = await server.sql<{ t: string; c: number }>(
      tables.map(({ t }) => `SELECT '${t}' AS t, count(*)::int AS c FROM "${t}"`).join(' UNION ALL '),
    );
    return counts.map((r) => `${r.t}:${r.c}`).join(',');
  }

  it('never answers 5xx and writes nothing when it refuses', async () => {
    const failures: string[] = [];
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => ['post', 'patch', 'put'].includes(m))
        .map(([m, op]) => ({
          method: m.toUpperCase(),
          path,
          fields: fieldsOf(doc, op.requestBody?.content?.['application/json']?.schema),
        })),
    );
    expect(writes.length).toBeGreaterThan(3);
    for (const w of writes) {
      if (w.path.endsWith('/logout')) continue;
      const before = await rowCounts();
      let accepted = 0;
      await fc
        .assert(
          fc.asyncProperty(hostileBody(w.fields), async (body) => {
            const url = w.path.replace(/^\/api/, '').replace(/\{[^}]+\}/g, () => randomUUID());
            const res = await fetch(`${server.api}${url}`, {
              method: w.method,
              headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
              body: typeof body === 'string' ? body : JSON.stringify(body),
            });
            await res.arrayBuffer();
            if (res.status >= 500)
              failures.push(`${w.method} ${w.path} → ${res.status} for ${JSON.stringify(body).slice(0, 200)}`);
            if (res.status < 400) accepted++;
            return res.status < 500;
          }),
          { numRuns: 25, seed: 20190401 },
        )
        .catch(() => undefined);
      if (accepted === 0) {
        const after = await rowCounts();
        if (after !== before) failures.push(`${w.method} ${w.path} refused every body but the row counts changed`);
      }
    }
    expect(failures).toEqual([]);
  });
});
