import type { CheckInRosterEntry, CheckInSyncResult, LocalizedText } from '@chamber/contracts';
import { CHECK_IN_DB } from '../core/offline-shell';

/** The roster of one event as the device keeps it (names and the SHA-256 of QR tokens, never tokens). */
export interface StoredRoster {
  eventId: string;
  /** the event's title and start, to show the page offline */
  title: LocalizedText | null;
  startsAt: string | null;
  /** when the server read it */
  syncedAt: string;
  entries: CheckInRosterEntry[];
}

/** A check-in made on this device and not yet answered by the server. */
export interface QueuedCheckIn {
  clientId: string;
  eventId: string;
  deviceId: string;
  token?: string;
  registrationId?: string;
  scannedAt: string;
}

/** The server's answer to a queued check-in, kept to show it. */
export interface StoredResult extends CheckInSyncResult {
  eventId: string;
  scannedAt: string;
}

const DB = CHECK_IN_DB;
const VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * The check-in page's IndexedDB: `rosters` by event, `queue` (check-ins waiting for the server) and
 * `results` (its answers) by clientId, each with an index on the event. A dozen lines of
 * IndexedDB instead of a wrapper library.
 */
export class CheckInStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('rosters', { keyPath: 'eventId' });
        db.createObjectStore('queue', { keyPath: 'clientId' }).createIndex('eventId', 'eventId');
        db.createObjectStore('results', { keyPath: 'clientId' }).createIndex('eventId', 'eventId');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.db;
  }

  async roster(eventId: string): Promise<StoredRoster | null> {
    const db = await this.open();
    return ((await request(db.transaction('rosters').objectStore('rosters').get(eventId))) as StoredRoster) ?? null;
  }

  async saveRoster(roster: StoredRoster): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('rosters', 'readwrite');
    tx.objectStore('rosters').put(roster);
    await done(tx);
  }

  async queue(eventId: string): Promise<QueuedCheckIn[]> {
    return this.byEvent<QueuedCheckIn>('queue', eventId);
  }

  async enqueue(item: QueuedCheckIn): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('queue', 'readwrite');
    tx.objectStore('queue').put(item);
    await done(tx);
  }

  async results(eventId: string): Promise<StoredResult[]> {
    return this.byEvent<StoredResult>('results', eventId);
  }

  /** The answers kept and their items off the queue, in one transaction. */
  async answered(results: StoredResult[]): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['queue', 'results'], 'readwrite');
    for (const r of results) {
      tx.objectStore('queue').delete(r.clientId);
      tx.objectStore('results').put(r);
    }
    await done(tx);
  }

  private async byEvent<T>(store: 'queue' | 'results', eventId: string): Promise<T[]> {
    const db = await this.open();
    return (await request(db.transaction(store).objectStore(store).index('eventId').getAll(eventId))) as T[];
  }
}
