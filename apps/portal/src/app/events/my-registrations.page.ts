import { ChangeDetectionStrategy, Component, Injector, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { RegistrationView } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { ConfirmDialog, type ConfirmData } from '../core/confirm.dialog';
import { EventFormatService } from './event-format.service';
import { apiErrorOf, apiErrorOfDownload, fileNameOf, saveBlob } from '../core/http';
import { EventsDataService } from './events-data.service';
import { CalendarFeedComponent } from './calendar-feed.component';
import { RegistrationStatusComponent } from './registration-status.component';

interface EventGroup {
  event: RegistrationView['event'];
  registrations: RegistrationView[];
}

/** The signed-in member's registrations (a member_admin: the company's), by event, with QR codes and cancel. */
@Component({
  selector: 'cp-my-registrations-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    RegistrationStatusComponent,
    CalendarFeedComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-registrations.page.html',
  styleUrl: './my-registrations.page.scss',
})
export class MyRegistrationsPage {
  private readonly data = inject(EventsDataService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly auth = inject(AuthService);
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);

  protected readonly registrations = signal<RegistrationView[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  protected readonly busyId = signal<string | null>(null);
  protected readonly showPast = signal(false);
  /** a member company's contact sees every employee's registrations */
  protected readonly company = computed(() => this.auth.role() === 'member_admin');

  protected readonly groups = computed<EventGroup[]>(() => {
    const now = Date.now();
    const map = new Map<string, EventGroup>();
    for (const r of this.registrations()) {
      const past = Date.parse(r.event.endsAt || r.event.startsAt) < now;
      if (past !== this.showPast()) continue;
      const group = map.get(r.event.id) ?? { event: r.event, registrations: [] };
      group.registrations.push(r);
      map.set(r.event.id, group);
    }
    const groups = [...map.values()];
    const order = this.showPast() ? -1 : 1;
    return groups.sort((a, b) => order * (Date.parse(a.event.startsAt) - Date.parse(b.event.startsAt)));
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(false);
    try {
      this.registrations.set(await firstValueFrom(this.data.myRegistrations(this.company() ? 'company' : 'own')));
    } catch {
      this.error.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected async cancel(r: RegistrationView): Promise<void> {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`events.${key}`, params);
    const data: ConfirmData = {
      title: t('mine.cancelTitle'),
      message: t('mine.cancelMessage', {
        name: r.name,
        title: this.language.pick(r.event.title),
        when: this.format.range(r.event.startsAt, r.event.endsAt),
      }),
      confirm: t('mine.cancelConfirm'),
      cancel: t('common.back'),
      danger: true,
    };
    const ok = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, injector: this.injector })
        .afterClosed(),
    );
    if (!ok) return;
    this.busyId.set(r.id);
    try {
      await firstValueFrom(this.data.cancelRegistration(r.id));
      this.snack.open(t('mine.cancelled'), undefined, { duration: 4000 });
      await this.load();
    } catch (error: unknown) {
      this.snack.open(apiErrorOf(error)?.message ?? t('errors.unknown'), t('common.close'), { duration: 6000 });
    } finally {
      this.busyId.set(null);
    }
  }

  protected async certificate(r: RegistrationView): Promise<void> {
    this.busyId.set(r.id);
    try {
      const response = await firstValueFrom(this.data.download(this.data.certificateUrl(r.id)));
      if (response.body) saveBlob(response.body, fileNameOf(response, `certificate-${r.id}.pdf`));
    } catch (error: unknown) {
      const body = await apiErrorOfDownload(error);
      const message: string = body?.message ?? this.transloco.translate<string>('events.errors.unknown');
      this.snack.open(message, undefined, { duration: 6000 });
    } finally {
      this.busyId.set(null);
    }
  }
}
