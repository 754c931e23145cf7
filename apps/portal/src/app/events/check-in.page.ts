import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { CheckInRosterEntry, CheckInSyncResult } from '@chamber/contracts';
import { parseCheckInCode } from '@chamber/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { batches, newDeviceId, retryDelay, searchRoster, sha256Hex } from './check-in-offline';
import { CheckInStore, type QueuedCheckIn, type StoredResult, type StoredRoster } from './check-in-store';
import { EventFormatService } from './event-format.service';
import { apiErrorOf, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { QrScannerDialog, type QrScannerData } from './qr-scanner.dialog';

const DEVICE_KEY = 'cp_check_in_device';

/** One line of the page's log: a scan made here, then the server's answer to it. */
interface LogLine {
  clientId: string;
  name: string;
  scannedAt: string;
  /** null while it waits to be sent */
  result: CheckInSyncResult | null;
  /** answered on this device, without the server (waitlisted, cancelled, a code that is no code) */
  local?: 'not_registered' | 'already_here' | 'invalid';
}

function deviceId(): string {
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept) return kept;
    const made = newDeviceId();
    localStorage.setItem(DEVICE_KEY, made);
    return made;
  } catch {
    return newDeviceId();
  }
}

/**
 * Check-in at the venue that keeps working with no network: the roster in IndexedDB, QR codes
 * checked against the SHA-256 kept for each person, name search by kana, and a queue of check-ins
 * (clientId, scan time) sent in batches whenever the network is there, retried until answered.
 */
@Component({
  selector: 'cp-check-in-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './check-in.page.html',
  styleUrl: './check-in.page.scss',
})
export class CheckInPage {
  private readonly api = inject(EventsDataService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private readonly auth = inject(AuthService);
  private readonly store = new CheckInStore();
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);

  readonly id = input.required<string>();

  protected readonly device = deviceId();
  protected readonly online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  protected readonly roster = signal<StoredRoster | null>(null);
  protected readonly rosterError = signal(false);
  protected readonly queue = signal<QueuedCheckIn[]>([]);
  protected readonly log = signal<LogLine[]>([]);
  protected readonly syncing = signal(false);
  protected readonly syncError = signal<string | null>(null);
  protected readonly needsEarly = signal(false);
  protected readonly now = signal(Date.now());
  protected query = '';
  protected readonly queryText = signal('');
  protected code = '';

  protected readonly pending = computed(() => this.queue().length);
  protected readonly matches = computed(() => searchRoster(this.roster()?.entries ?? [], this.queryText()));
  protected readonly attended = computed(
    () => (this.roster()?.entries ?? []).filter((e) => e.status === 'attended' || e.checkedInAt).length,
  );
  protected readonly expected = computed(
    () => (this.roster()?.entries ?? []).filter((e) => e.status === 'registered' || e.status === 'attended').length,
  );
  /** minutes since the server read the roster */
  protected readonly rosterAge = computed(() => {
    const at = this.roster()?.syncedAt;
    return at ? Math.max(0, Math.floor((this.now() - Date.parse(at)) / 60_000)) : null;
  });

  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** registrations checked in on this device (before the server answers) */
  private readonly local = new Map<string, string>();

  constructor() {
    const destroyRef = inject(DestroyRef);
    const onOnline = () => {
      this.online.set(true);
      void this.refreshRoster();
      void this.flush();
    };
    const onOffline = () => this.online.set(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    const clock = setInterval(() => this.now.set(Date.now()), 30_000);
    destroyRef.onDestroy(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      clearInterval(clock);
      if (this.retry) clearTimeout(this.retry);
    });
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  private async load(eventId: string): Promise<void> {
    const [kept, queue, results] = await Promise.all([
      this.store.roster(eventId),
      this.store.queue(eventId),
      this.store.results(eventId),
    ]);
    this.roster.set(kept);
    this.queue.set(queue);
    const names = new Map((kept?.entries ?? []).map((e) => [e.registrationId, e.name]));
    const lines: LogLine[] = [
      ...results.map((r) => ({
        clientId: r.clientId,
        name: (r.registrationId && names.get(r.registrationId)) || '?',
        scannedAt: r.scannedAt,
        result: r,
      })),
      ...queue.map((q) => ({
        clientId: q.clientId,
        name: (q.registrationId && names.get(q.registrationId)) || '?',
        scannedAt: q.scannedAt,
        result: null,
      })),
    ];
    lines.sort((a, b) => b.scannedAt.localeCompare(a.scannedAt));
    this.log.set(lines.slice(0, 100));
    for (const q of queue) if (q.registrationId) this.local.set(q.registrationId, q.scannedAt);
    await this.refreshRoster();
    await this.flush();
  }

  /** The roster from the server (online), kept in IndexedDB; offline the kept one stays. */
  protected async refreshRoster(): Promise<void> {
    const eventId = this.id();
    try {
      const [fresh, event] = await Promise.all([
        firstValueFrom(this.api.checkInRoster(eventId)),
        firstValueFrom(this.api.get(eventId)).catch(() => null),
      ]);
      const previous = this.roster();
      const roster: StoredRoster = {
        eventId,
        title: event?.title ?? previous?.title ?? null,
        startsAt: event?.startsAt ?? previous?.startsAt ?? null,
        syncedAt: fresh.syncedAt,
        entries: fresh.entries,
      };
      await this.store.saveRoster(roster);
      this.roster.set(roster);
      this.rosterError.set(false);
      this.online.set(true);
    } catch (error: unknown) {
      if (statusOf(error) === 0) this.online.set(false);
      else this.rosterError.set(true);
    }
  }

  protected search(value: string): void {
    this.queryText.set(value);
  }

  protected isIn(entry: CheckInRosterEntry): boolean {
    return !!entry.checkedInAt || entry.status === 'attended' || this.local.has(entry.registrationId);
  }

  /** Check in a person found by name. */
  protected async checkInEntry(entry: CheckInRosterEntry): Promise<void> {
    await this.record(entry, {});
  }

  /** A code typed or read by a barcode reader into the field. */
  protected async submitCode(): Promise<void> {
    const value = this.code.trim();
    if (!value) return;
    const line = await this.checkInCode(value);
    if (line.ok) this.code = '';
  }

  protected openScanner(): void {
    const data: QrScannerData = { eventId: this.id(), scan: (code) => this.checkInCode(code) };
    this.dialog.open(QrScannerDialog, { data, width: '560px', maxWidth: '95vw', injector: this.injector });
  }

  /** A QR code read: its SHA-256 looked up in the roster kept on the device. */
  protected async checkInCode(scanned: string): Promise<{ ok: boolean; text: string }> {
    const token = parseCheckInCode(scanned);
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(`events.checkIn.${key}`, params);
    if (!token) {
      this.pushLine({
        clientId: crypto.randomUUID(),
        name: scanned.slice(0, 40),
        scannedAt: new Date().toISOString(),
        result: null,
        local: 'invalid',
      });
      return { ok: false, text: t('local.invalid') };
    }
    const hash = await sha256Hex(token);
    const entry = this.roster()?.entries.find((e) => e.tokenHash === hash);
    if (!entry) {
      // not in the roster this device holds (registered since?): the server decides
      await this.enqueue({ token }, '?');
      return { ok: true, text: t('local.queuedUnknown') };
    }
    return this.record(entry, { token });
  }

  private async record(entry: CheckInRosterEntry, by: { token?: string }): Promise<{ ok: boolean; text: string }> {
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(`events.checkIn.${key}`, params);
    const scannedAt = new Date().toISOString();
    if (entry.status === 'waitlisted' || entry.status === 'cancelled') {
      this.pushLine({
        clientId: crypto.randomUUID(),
        name: entry.name,
        scannedAt,
        result: null,
        local: 'not_registered',
      });
      return { ok: false, text: t('local.notRegistered', { name: entry.name }) };
    }
    const here = this.local.get(entry.registrationId) ?? entry.checkedInAt;
    if (here) {
      this.pushLine({
        clientId: crypto.randomUUID(),
        name: entry.name,
        scannedAt,
        result: null,
        local: 'already_here',
      });
      return { ok: true, text: t('local.already', { name: entry.name, time: this.format.time(here) }) };
    }
    this.local.set(entry.registrationId, scannedAt);
    await this.enqueue(
      by.token ? { token: by.token } : { registrationId: entry.registrationId },
      entry.name,
      scannedAt,
    );
    return { ok: true, text: t('local.ok', { name: entry.name, time: this.format.time(scannedAt) }) };
  }

  private async enqueue(
    by: { token?: string; registrationId?: string },
    name: string,
    scannedAt = new Date().toISOString(),
  ): Promise<void> {
    const item: QueuedCheckIn = {
      clientId: crypto.randomUUID(),
      eventId: this.id(),
      deviceId: this.device,
      scannedAt,
      ...by,
    };
    await this.store.enqueue(item);
    this.queue.update((q) => [...q, item]);
    this.pushLine({ clientId: item.clientId, name, scannedAt, result: null });
    void this.flush();
  }

  private pushLine(line: LogLine): void {
    this.log.update((lines) => [line, ...lines].slice(0, 100));
  }

  /**
   * Sends what waits, by device and in batches of 500; each answer is kept and its item leaves the
   * queue. A failure (no network, the server away) is retried with a growing delay until answered.
   */
  protected async flush(early = false): Promise<void> {
    if (this.syncing()) return;
    const eventId = this.id();
    const waiting = await this.store.queue(eventId);
    this.queue.set(waiting);
    if (!waiting.length) return;
    this.syncing.set(true);
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    try {
      const byDevice = new Map<string, QueuedCheckIn[]>();
      for (const q of waiting) byDevice.set(q.deviceId, [...(byDevice.get(q.deviceId) ?? []), q]);
      for (const [device, items] of byDevice) {
        for (const batch of batches(items)) {
          const answer = await firstValueFrom(
            this.api.syncCheckIns(
              eventId,
              {
                deviceId: device,
                items: batch.map((q) => ({
                  clientId: q.clientId,
                  scannedAt: q.scannedAt,
                  ...(q.registrationId ? { registrationId: q.registrationId } : { token: q.token }),
                })),
              },
              early,
            ),
          );
          const scanned = new Map(batch.map((q) => [q.clientId, q.scannedAt]));
          const kept: StoredResult[] = answer.results.map((r) => ({
            ...r,
            eventId,
            scannedAt: scanned.get(r.clientId) ?? '',
          }));
          await this.store.answered(kept);
          this.applyAnswers(kept);
        }
      }
      this.failures = 0;
      this.syncError.set(null);
      this.needsEarly.set(false);
      this.online.set(true);
    } catch (error: unknown) {
      const status = statusOf(error);
      const problem = apiErrorOf(error);
      if (status === 409 && problem?.code === 'not_yet') {
        this.needsEarly.set(true);
      } else {
        if (status === 0) this.online.set(false);
        this.syncError.set(
          problem?.message ?? (status === 0 ? null : this.transloco.translate('events.checkIn.syncFailed')),
        );
        this.failures++;
        this.retry = setTimeout(() => void this.flush(), retryDelay(this.failures));
      }
    } finally {
      this.syncing.set(false);
      this.queue.set(await this.store.queue(eventId));
    }
  }

  private applyAnswers(results: StoredResult[]): void {
    const byClient = new Map(results.map((r) => [r.clientId, r]));
    const roster = this.roster();
    const names = new Map((roster?.entries ?? []).map((e) => [e.registrationId, e.name]));
    this.log.update((lines) =>
      lines.map((l) => {
        const r = byClient.get(l.clientId);
        return r
          ? {
              ...l,
              result: r,
              name: l.name === '?' && r.registrationId ? (names.get(r.registrationId) ?? '?') : l.name,
            }
          : l;
      }),
    );
    if (!roster) return;
    const times = new Map(
      results.filter((r) => r.checkedInAt && r.registrationId).map((r) => [r.registrationId!, r.checkedInAt!]),
    );
    if (!times.size) return;
    const entries = roster.entries.map((e) =>
      times.has(e.registrationId)
        ? { ...e, status: 'attended' as const, checkedInAt: times.get(e.registrationId)! }
        : e,
    );
    const next = { ...roster, entries };
    this.roster.set(next);
    void this.store.saveRoster(next);
  }

  /** The line of a log entry, in the page's language. */
  protected describe(line: LogLine): string {
    const t = (key: string, params?: Record<string, unknown>) =>
      this.transloco.translate(`events.checkIn.${key}`, params);
    if (line.local === 'invalid') return t('local.invalid');
    if (line.local === 'not_registered') return t('outcome.not_registered');
    if (line.local === 'already_here') return t('local.alreadyShort');
    const r = line.result;
    if (!r) return t('waiting');
    const time = r.checkedInAt ? this.format.time(r.checkedInAt) : '';
    switch (r.outcome) {
      case 'checked_in':
        return t('outcome.checked_in', { time });
      case 'already_checked_in':
        if (!r.firstDeviceId) return t('outcome.already_online', { time });
        if (r.firstDeviceId === this.device) return t('outcome.already_here', { time });
        return t('outcome.already_other', { device: r.firstDeviceId, time });
      default:
        return t(`outcome.${r.outcome}`);
    }
  }

  protected kind(line: LogLine): string {
    if (line.local) return line.local === 'already_here' ? 'info' : 'bad';
    if (!line.result) return 'waiting';
    return line.result.outcome === 'checked_in' ? 'ok' : line.result.outcome === 'already_checked_in' ? 'dup' : 'bad';
  }

  protected get canWrite(): boolean {
    return this.auth.canEnterFigures();
  }
}
