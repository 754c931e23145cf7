import { mkdirSync } from 'fs';
import { resolve } from 'path';
import { Duplex } from 'stream';
import type { PGlite } from '@electric-sql/pglite';

export interface EmbeddedPostgres {
  /** for the `pg` driver's config only: no server listens there, `stream` is the way in */
  url: string;
  /** a new in-process connection (node-postgres' `stream` option): nothing outside this process reaches it */
  stream: () => Duplex;
  stop(): Promise<void>;
}

/**
 * PGlite persisted under DATA_DIR, reached by the one `pg` driver over the PostgreSQL wire protocol
 * on in-memory streams: no TCP port, no socket file, so no other process can connect (issue 10).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  // required lazily: production on a real server never loads the WASM database
  const { PGlite: PGliteClass } = require('@electric-sql/pglite') as {
    PGlite: new (dir: string, options: { relaxedDurability: boolean }) => PGlite;
  };
  // every statement's effects are written to the data folder before its answer is sent: an
  // acknowledged registration survives a kill (crash-safety e2e)
  const db = new PGliteClass(dir, { relaxedDurability: false });
  await db.waitReady;
  const session = new Session(db);
  const open = new Set<Duplex>();
  return {
    url: 'postgres://postgres@embedded/postgres?sslmode=disable',
    stream() {
      const s = new InProcessConnection(session);
      open.add(s);
      s.once('close', () => open.delete(s));
      return s;
    },
    async stop() {
      for (const s of open) s.destroy();
      await session.idle();
      await db.close();
    },
  };
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
/** frontend messages after which the backend answers (the end of a pipeline): Sync, Query, Flush */
const ANSWERED = new Set(['S', 'Q', 'H'].map((c) => c.charCodeAt(0)));
const TERMINATE = 'X'.charCodeAt(0);
const READY_FOR_QUERY = 'Z'.charCodeAt(0);
const IDLE = 'I'.charCodeAt(0);

/**
 * PGlite has ONE database session; every connection shares it. A connection holds the session from
 * its first message until the backend is ready and idle again ('Z' with status I), so a transaction
 * (and a Parse…Sync pipeline) of one connection is never interleaved with another's messages, as
 * PostgreSQL's own sessions would keep them apart.
 */
class Session {
  private owner: object | null = null;
  private readonly waiting: (() => void)[] = [];
  private running = Promise.resolve();

  constructor(private readonly db: PGlite) {}

  async acquire(who: object): Promise<void> {
    while (this.owner !== null && this.owner !== who) await new Promise<void>((r) => this.waiting.push(r));
    this.owner = who;
  }

  release(who: object): void {
    if (this.owner !== who) return;
    this.owner = null;
    this.waiting.shift()?.();
  }

  /** Runs protocol messages; answers the backend's bytes and whether it is idle (no transaction). */
  async exec(messages: Buffer): Promise<{ answer: Buffer; idle: boolean | null }> {
    const chunks: Buffer[] = [];
    const run = this.db.runExclusive(() =>
      this.db.execProtocolRawStream(messages, { onRawData: (d) => chunks.push(Buffer.from(d)) }),
    );
    this.running = run.catch(() => undefined);
    await run;
    const answer = Buffer.concat(chunks);
    return { answer, idle: lastReadyStatus(answer) };
  }

  idle(): Promise<void> {
    return this.running;
  }
}

/** The status of the last ReadyForQuery in the backend's answer: idle or not; null when there is none. */
function lastReadyStatus(answer: Buffer): boolean | null {
  let idle: boolean | null = null;
  for (let i = 0; i + 5 <= answer.length; i += 1 + answer.readInt32BE(i + 1)) {
    if (answer[i] === READY_FOR_QUERY) idle = answer[i + 5] === IDLE;
  }
  return idle;
}

/** The client end of one connection, as node-postgres drives a socket; the server end is `Session`. */
class InProcessConnection extends Duplex {
  private buffered = Buffer.alloc(0);
  private started = false;
  private holding = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly session: Session) {
    super();
  }

  // the socket methods node-postgres calls
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  override _read(): void {
    /* answers are pushed as they come */
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const { batch, terminate } = this.takeCompleteBatch();
    if (batch) this.enqueue(() => this.run(batch));
    // Terminate ends this connection only, never the shared session: answered by closing
    if (terminate) this.enqueue(async () => this.push(null));
    done();
  }

  override _final(done: (e?: Error | null) => void): void {
    this.enqueue(async () => this.push(null));
    done();
  }

  override _destroy(error: Error | null, done: (e?: Error | null) => void): void {
    // a connection gone in the middle of a transaction must not leave it open for the next one
    this.enqueue(() => this.letGo());
    done(error);
  }

  private enqueue(step: () => Promise<unknown>): void {
    this.queue = this.queue.then(step).catch((e: Error) => {
      if (!this.destroyed) this.destroy(e);
    });
  }

  /** The whole messages received up to the last one the backend answers (none while incomplete). */
  private takeCompleteBatch(): { batch: Buffer | null; terminate: boolean } {
    let end = 0;
    let i = 0;
    const b = this.buffered;
    for (;;) {
      if (!this.started) {
        // StartupMessage, SSLRequest or CancelRequest: a length, no type byte
        if (b.length < 8) break;
        const length = b.readInt32BE(0);
        if (b.length < length) break;
        const code = b.readInt32BE(4);
        if (code === SSL_REQUEST || code === CANCEL_REQUEST) {
          this.buffered = b.subarray(length);
          if (code === SSL_REQUEST) this.push(Buffer.from('N')); // no TLS in-process
          return this.takeCompleteBatch();
        }
        this.started = true;
        i = end = length; // the backend answers the startup at once
        continue;
      }
      if (b.length < i + 5) break;
      const next = i + 1 + b.readInt32BE(i + 1);
      if (b.length < next) break;
      if (b[i] === TERMINATE) {
        this.buffered = Buffer.alloc(0);
        return { batch: i ? b.subarray(0, i) : null, terminate: true };
      }
      const type = b[i];
      i = next;
      if (ANSWERED.has(type!)) end = i;
    }
    if (end === 0) return { batch: null, terminate: false };
    this.buffered = b.subarray(end);
    return { batch: b.subarray(0, end), terminate: false };
  }

  private async run(messages: Buffer): Promise<void> {
    if (this.destroyed) return;
    if (!this.holding) {
      await this.session.acquire(this);
      this.holding = true;
    }
    if (this.destroyed) return; // released by the step _destroy queued
    const { answer, idle } = await this.session.exec(messages);
    if (idle === true) this.letGoNow();
    if (!this.destroyed) this.push(answer);
  }

  private async letGo(): Promise<void> {
    if (!this.holding) return;
    try {
      // ROLLBACK is a no-op warning when no transaction is open
      await this.session.exec(Buffer.from(simpleQuery('ROLLBACK')));
    } finally {
      this.letGoNow();
    }
  }

  private letGoNow(): void {
    this.holding = false;
    this.session.release(this);
  }
}

function simpleQuery(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const b = Buffer.alloc(5 + text.length);
  b[0] = 'Q'.charCodeAt(0);
  b.writeInt32BE(4 + text.length, 1);
  text.copy(b, 5);
  return b;
}
