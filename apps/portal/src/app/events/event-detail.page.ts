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
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { CHAMBER_ROLES, STAFF_ROLES, type EventDetail } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { catchError, firstValueFrom, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { ConfirmDialog, type ConfirmData } from '../core/confirm.dialog';
import { EventFormatService } from './event-format.service';
import { EventSeatsComponent } from './event-seats.component';
import { PublicSignupShareComponent } from './public-signup-share.component';
import { registrationOpen } from './event-time';
import { apiErrorOf, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { type RegisteredParticipant, RegistrationFormComponent } from './registration-form.component';
import { RegistrationResultComponent } from './registration-result.component';

/** One event: what, when (Tokyo), where, seats; iCal; registration; staff actions. */
@Component({
  selector: 'cp-event-detail-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    EventSeatsComponent,
    PublicSignupShareComponent,
    RegistrationFormComponent,
    RegistrationResultComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './event-detail.page.html',
  styleUrl: './event-detail.page.scss',
})
export class EventDetailPage {
  private readonly data = inject(EventsDataService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);

  /** route parameter */
  readonly id = input.required<string>();

  protected readonly event = signal<EventDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<'not_found' | 'load' | null>(null);
  protected readonly result = signal<RegisteredParticipant[] | null>(null);
  protected readonly busy = signal(false);

  protected readonly isStaff = computed(() => this.auth.hasRole(STAFF_ROLES));
  protected readonly isChamber = computed(() => this.auth.hasRole(CHAMBER_ROLES));
  /** who may register here, and how */
  protected readonly registerMode = computed<'self' | 'many' | null>(() => {
    const role = this.auth.role();
    if (role === 'member') return 'self';
    if (role === 'member_admin' || role === 'staff' || role === 'admin') return 'many';
    return null;
  });
  protected readonly open = computed(() => {
    const e = this.event();
    return e ? (e.registrationOpen ?? registrationOpen(e)) : false;
  });
  protected readonly icsUrl = computed(() => this.data.icsUrl(this.id()));
  private readonly reload = signal(0);

  constructor() {
    toObservable(computed(() => ({ id: this.id(), n: this.reload() })))
      .pipe(
        switchMap(({ id }) => {
          this.error.set(null);
          return this.data.get(id).pipe(
            catchError((error: unknown) => {
              this.error.set(statusOf(error) === 404 || statusOf(error) === 400 ? 'not_found' : 'load');
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((event) => {
        if (event) this.event.set(event);
        this.loading.set(false);
      });
  }

  protected onRegistered(participants: RegisteredParticipant[]): void {
    this.result.set(participants);
    this.reload.update((n) => n + 1);
  }

  protected async cancelEvent(): Promise<void> {
    const e = this.event();
    if (!e || this.busy()) return;
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`events.${key}`, params);
    const data: ConfirmData = {
      title: t('detail.cancelEventTitle'),
      message: t('detail.cancelEventMessage', {
        title: this.language.pick(e.title),
        count: e.registeredCount + e.waitlistCount,
      }),
      confirm: t('detail.cancelEventConfirm'),
      cancel: t('common.back'),
      danger: true,
    };
    const ok = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, injector: this.injector })
        .afterClosed(),
    );
    if (!ok) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.data.cancelEvent(e.id));
      this.snack.open(t('detail.cancelled'), undefined, { duration: 4000 });
      this.reload.update((n) => n + 1);
    } catch (error: unknown) {
      this.snack.open(apiErrorOf(error)?.message ?? t('errors.unknown'), t('common.close'), { duration: 6000 });
    } finally {
      this.busy.set(false);
    }
  }
}
