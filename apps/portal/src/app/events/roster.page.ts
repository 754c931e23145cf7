import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { STAFF_ROLES } from '@chamber/contracts';
import type {
  CheckInResponse,
  EventDetail,
  OutcomeType,
  RegistrationStatus,
  RosterCsvEncoding,
  RosterEntry,
} from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, map, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { ConfirmDialog, type ConfirmData } from '../core/confirm.dialog';
import { EventFormatService } from './event-format.service';
import { outcomeTypesFor } from './event-rules';
import { apiErrorOf, apiErrorOfDownload, fileNameOf, saveBlob, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { MailDialog, type MailDialogData } from './mail.dialog';
import { QrScannerDialog, type QrScannerData } from './qr-scanner.dialog';
import { RegistrationStatusComponent } from './registration-status.component';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

const STATUS_FILTERS: readonly (RegistrationStatus | 'all')[] = [
  'all',
  'registered',
  'waitlisted',
  'attended',
  'cancelled',
];

/** The roster on the day: search, one-click check-in, QR scanning, outcomes, exports and follow-up mail. */
@Component({
  selector: 'cp-roster-page',
  imports: [
    ScrollRegionDirective,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    RegistrationStatusComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roster.page.html',
  styleUrl: './roster.page.scss',
})
export class RosterPage {
  private readonly data = inject(EventsDataService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly auth = inject(AuthService);
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);

  /** route parameter */
  readonly id = input.required<string>();

  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly event = signal<EventDetail | null>(null);
  protected readonly rows = signal<RosterEntry[]>([]);
  protected readonly query = signal('');
  protected readonly status = signal<RegistrationStatus | 'all'>('all');
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  /** registrations being changed (their buttons wait) */
  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  protected readonly downloading = signal(false);
  private readonly reload = signal(0);

  protected readonly outcomeTypes = computed(() => {
    const e = this.event();
    return e ? outcomeTypesFor(e.kind) : [];
  });
  /** managers read the roster; staff run it */
  protected readonly canWrite = computed(() => this.auth.hasRole(STAFF_ROLES));
  protected readonly isTraining = computed(() => this.event()?.kind === 'training');
  protected readonly attendedCount = computed(() => this.rows().filter((r) => r.status === 'attended').length);

  constructor() {
    const destroyRef = inject(DestroyRef);
    toObservable(computed(() => ({ id: this.id(), n: this.reload() })))
      .pipe(
        switchMap(({ id }) => this.data.get(id).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((event) => {
        if (event) this.event.set(event);
        else this.error.set(true);
      });

    toObservable(computed(() => ({ id: this.id(), q: this.query(), status: this.status(), n: this.reload() })))
      .pipe(
        debounceTime(200),
        distinctUntilChanged((a, b) => a.id === b.id && a.q === b.q && a.status === b.status && a.n === b.n),
        switchMap(({ id, q, status }) => {
          this.loading.set(true);
          return this.data.roster(id, q, status === 'all' ? null : status).pipe(
            map((rows) => ({ rows, failed: false })),
            catchError(() => of({ rows: [] as RosterEntry[], failed: true })),
          );
        }),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(({ rows, failed }) => {
        this.rows.set(rows);
        this.error.set(failed);
        this.loading.set(false);
      });
  }

  protected refresh(): void {
    this.reload.update((n) => n + 1);
  }

  protected onSearch(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected isPending(id: string): boolean {
    return this.pending().has(id);
  }

  protected hasOutcome(row: RosterEntry, type: OutcomeType): boolean {
    return row.outcomes.includes(type);
  }

  /** One click; the API counts a registration once however often it is checked in. */
  protected async checkIn(row: RosterEntry): Promise<void> {
    await this.run(row.id, async () => {
      let answer: CheckInResponse;
      try {
        answer = await firstValueFrom(this.data.checkIn(row.id));
      } catch (error: unknown) {
        // before the event's day: a slip unless staff say otherwise (it then does not mark it held)
        if (apiErrorOf(error)?.code !== 'not_yet' || !(await this.confirmEarly(row))) throw error;
        answer = await firstValueFrom(this.data.checkIn(row.id, true));
      }
      this.applyCheckIn(answer);
      if (answer.eventMarkedHeld) this.refreshEvent();
    });
  }

  private async confirmEarly(row: RosterEntry): Promise<boolean> {
    const e = this.event();
    const data: ConfirmData = {
      title: this.t('roster.earlyTitle'),
      message: this.t('roster.earlyMessage', { name: row.name, date: e ? this.format.day(e.startsAt) : '' }),
      confirm: this.t('roster.earlyConfirm'),
      cancel: this.t('common.back'),
    };
    return (
      (await firstValueFrom(
        this.dialog
          .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, injector: this.injector })
          .afterClosed(),
      )) === true
    );
  }

  protected async addOutcome(row: RosterEntry, type: OutcomeType): Promise<void> {
    await this.run(row.id, async () => {
      await firstValueFrom(this.data.addOutcome(row.id, type));
      this.patchRow(row.id, (r) => ({
        ...r,
        outcomes: r.outcomes.includes(type) ? r.outcomes : [...r.outcomes, type],
      }));
      const label = this.transloco.translate(`events.outcome.${type}`);
      this.snack.open(this.t('roster.outcomeRecorded', { name: row.name, outcome: label }), undefined, {
        duration: 3000,
      });
    });
  }

  protected async cancelRegistration(row: RosterEntry): Promise<void> {
    const data: ConfirmData = {
      title: this.t('roster.cancelTitle'),
      message: this.t('roster.cancelMessage', { name: row.name }),
      confirm: this.t('mine.cancelConfirm'),
      cancel: this.t('common.back'),
      danger: true,
    };
    const ok = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, injector: this.injector })
        .afterClosed(),
    );
    if (!ok) return;
    await this.run(row.id, async () => {
      const answer = await firstValueFrom(this.data.cancelRegistration(row.id));
      this.snack.open(
        this.t(answer.promotedRegistrationId ? 'roster.cancelledPromoted' : 'roster.cancelled'),
        undefined,
        {
          duration: 4000,
        },
      );
      this.refresh();
    });
  }

  /** For events without check-ins (a meeting): counts once toward `events_held`. */
  protected async markHeld(): Promise<void> {
    const e = this.event();
    if (!e || this.downloading()) return;
    try {
      this.event.set(await firstValueFrom(this.data.markHeld(e.id)));
    } catch (error: unknown) {
      this.fail(error);
    }
  }

  protected async certificate(row: RosterEntry): Promise<void> {
    await this.run(row.id, async () => {
      try {
        const response = await firstValueFrom(this.data.download(this.data.certificateUrl(row.id)));
        if (response.body) saveBlob(response.body, fileNameOf(response, `certificate-${row.id}.pdf`));
      } catch (error: unknown) {
        this.fail(error, await apiErrorOfDownload(error));
      }
    });
  }

  /** The browser's print dialog; the page's print style keeps the table and drops the controls. */
  protected print(): void {
    window.print();
  }

  protected async download(kind: RosterCsvEncoding | 'xlsx' | 'badges'): Promise<void> {
    const e = this.event();
    if (!e || this.downloading()) return;
    this.downloading.set(true);
    try {
      const url =
        kind === 'xlsx'
          ? this.data.rosterXlsxUrl(e.id)
          : kind === 'badges'
            ? this.data.badgesUrl(e.id)
            : this.data.rosterCsvUrl(e.id, kind);
      const ext = kind === 'xlsx' ? 'xlsx' : kind === 'badges' ? 'pdf' : 'csv';
      const response = await firstValueFrom(this.data.download(url));
      if (response.body) saveBlob(response.body, fileNameOf(response, `roster-${e.id}.${ext}`));
      // Characters CP932 cannot hold (𠮷 …) are replaced visibly; the API counts them in a header.
      const header = response.headers.keys().find((k) => /replace/i.test(k));
      const replaced = Number(header ? response.headers.get(header) : 0);
      if (kind === 'sjis' && replaced > 0)
        this.snack.open(this.t('roster.replaced', { count: replaced }), this.t('common.close'), { duration: 8000 });
    } catch (error: unknown) {
      this.fail(error, await apiErrorOfDownload(error));
    } finally {
      this.downloading.set(false);
    }
  }

  protected openScanner(): void {
    const e = this.event();
    if (!e) return;
    const data: QrScannerData = { eventId: e.id, checkedIn: (answer) => this.applyCheckIn(answer) };
    this.dialog
      .open<QrScannerDialog, QrScannerData>(QrScannerDialog, {
        data,
        injector: this.injector,
        width: '560px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe(() => this.refresh());
  }

  protected async openMail(): Promise<void> {
    const e = this.event();
    if (!e) return;
    // Counts of the whole roster, whatever the table is filtered by.
    const rows =
      this.query() === '' && this.status() === 'all'
        ? this.rows()
        : await firstValueFrom(this.data.roster(e.id)).catch(() => [] as RosterEntry[]);
    const data: MailDialogData = {
      eventId: e.id,
      eventTitle: this.language.pick(e.title),
      attendees: rows.filter((r) => r.status === 'attended').length,
      noShows: rows.filter((r) => r.status === 'registered').length,
    };
    this.dialog
      .open(MailDialog, { data, injector: this.injector })
      .afterClosed()
      .subscribe((answer?: { queued: number }) => {
        if (answer) this.snack.open(this.t('mail.queued', { count: answer.queued }), undefined, { duration: 5000 });
      });
  }

  private applyCheckIn(answer: CheckInResponse): void {
    this.patchRow(answer.id, (r) => ({
      ...r,
      status: 'attended',
      checkedInAt: answer.checkedInAt,
      waitlistPosition: null,
    }));
    if (answer.eventMarkedHeld) this.refreshEvent();
  }

  private refreshEvent(): void {
    const id = this.id();
    this.data.get(id).subscribe({ next: (e) => this.event.set(e), error: () => undefined });
  }

  private patchRow(id: string, change: (row: RosterEntry) => RosterEntry): void {
    this.rows.update((rows) => rows.map((r) => (r.id === id ? change(r) : r)));
  }

  private async run(id: string, work: () => Promise<void>): Promise<void> {
    if (this.isPending(id)) return;
    this.pending.update((s) => new Set([...s, id]));
    try {
      await work();
    } catch (error: unknown) {
      this.fail(error);
    } finally {
      this.pending.update((s) => new Set([...s].filter((x) => x !== id)));
    }
  }

  private fail(error: unknown, body = apiErrorOf(error)): void {
    const message = body?.message ?? this.t(statusOf(error) === 0 ? 'errors.network' : 'errors.unknown');
    this.snack.open(message, this.t('common.close'), { duration: 6000 });
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(`events.${key}`, params);
  }
}
