import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { CancelRegistrationResponse, RegistrationView } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { EventFormatService } from './event-format.service';
import { apiErrorOf, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { RegistrationStatusComponent } from './registration-status.component';

/** The self-cancel link of a public sign-up: `/public/cancel?token=…`. */
@Component({
  selector: 'cp-public-cancel-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    RegistrationStatusComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="title">{{ 'events.publicCancel.title' | transloco }}</h1>
    @if (done(); as d) {
      <section class="done" role="status" data-testid="public-cancel-done">
        <h2>{{ 'events.publicCancel.done' | transloco }}</h2>
        @if (details(); as r) {
          <p data-testid="public-cancel-done-event">
            {{
              'events.publicCancel.doneNamed'
                | transloco
                  : { title: language.pick(r.event.title), when: format.range(r.event.startsAt, r.event.endsAt) }
            }}
          </p>
        }
        <p>{{ 'events.publicCancel.doneBody' | transloco }}</p>
        <a mat-stroked-button routerLink="/public/events">{{ 'events.public.allEvents' | transloco }}</a>
        <span class="cp-visually-hidden">{{ d.id }}</span>
      </section>
    } @else {
      @if (details(); as r) {
        <div class="details" data-testid="public-cancel-details">
          <div class="event-title">{{ language.pick(r.event.title) }}</div>
          <div class="cp-muted">{{ format.range(r.event.startsAt, r.event.endsAt) }}</div>
          <div>{{ r.name }}</div>
          <cp-registration-status [status]="r.status" [position]="r.waitlistPosition" />
        </div>
      }
      @if (details()?.status === 'cancelled') {
        <p data-testid="public-cancel-already">{{ 'events.publicCancel.already' | transloco }}</p>
      } @else {
        @if (details(); as r) {
          <p data-testid="public-cancel-lead">
            {{
              'events.publicCancel.leadNamed'
                | transloco
                  : {
                      title: language.pick(r.event.title),
                      when: format.range(r.event.startsAt, r.event.endsAt),
                      name: r.name,
                    }
            }}
          </p>
        } @else {
          <p>{{ 'events.publicCancel.lead' | transloco }}</p>
        }
        @if (errors().length > 0) {
          <ul class="cp-error-list" role="alert" data-testid="public-cancel-errors">
            @for (m of errors(); track $index) {
              <li>{{ m }}</li>
            }
          </ul>
        }
        <form (ngSubmit)="cancel()" class="form">
          @if (!token()) {
            <mat-form-field>
              <mat-label>{{ 'events.publicCancel.token' | transloco }}</mat-label>
              <input matInput name="token" [(ngModel)]="typed" autocomplete="off" data-testid="public-cancel-token" />
            </mat-form-field>
          }
          @if (busy()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
          }
          <button mat-flat-button type="submit" class="submit" [disabled]="busy()" data-testid="public-cancel-submit">
            {{ 'events.publicCancel.submit' | transloco }}
          </button>
        </form>
      }
    }
  `,
  styles: `
    .title {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 12px;
    }
    .details {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
      padding: 12px 14px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      margin-bottom: 12px;
    }
    .event-title {
      font: var(--mat-sys-title-medium);
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .submit {
      height: 48px;
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
    .done {
      padding: 16px;
      border-radius: 14px;
      background: #f1f8f3;
      border: 1px solid #b7dcc2;
    }
    .done h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-large);
    }
  `,
})
export class PublicCancelPage implements OnInit {
  private readonly data = inject(EventsDataService);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);

  /** query parameter */
  readonly token = input<string>();

  protected typed = '';
  protected readonly busy = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly details = signal<RegistrationView | null>(null);
  protected readonly done = signal<CancelRegistrationResponse | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    const token = this.token();
    if (!token) return;
    try {
      this.details.set(await firstValueFrom(this.data.lookupByToken<RegistrationView>(token)));
    } catch {
      // the lookup is a courtesy; cancelling works without it
    }
  }

  protected async cancel(): Promise<void> {
    const token = (this.token() ?? this.typed).trim();
    this.errors.set([]);
    if (!token) {
      this.errors.set([this.transloco.translate('events.publicCancel.noToken')]);
      return;
    }
    this.busy.set(true);
    try {
      this.done.set(await firstValueFrom(this.data.cancelByToken(token)));
    } catch (error: unknown) {
      const body = apiErrorOf(error);
      const status = statusOf(error);
      const fallback =
        status === 0 ? 'events.errors.network' : status === 429 ? 'events.errors.rateLimited' : 'events.errors.unknown';
      this.errors.set([body?.message ?? this.transloco.translate(fallback)]);
    } finally {
      this.busy.set(false);
    }
  }
}
