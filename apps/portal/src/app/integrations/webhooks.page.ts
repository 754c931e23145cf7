import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { WEBHOOK_EVENT_TYPES } from '@chamber/contracts';
import type { WebhookDeliveryView, WebhookEventType, WebhookView } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialog, type ConfirmData } from '../core/confirm.dialog';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { IntegrationsDataService } from './integrations-data.service';
import { errorLines } from '../core/http';
import { PageFrameComponent } from '../core/page-frame.component';
import { RequestState } from '../core/request-state';
import { IntegrationsNavComponent } from './integrations-nav.component';
import { ShownOnceComponent } from './shown-once.component';

const URL_PATTERN = /^https?:\/\/\S+$/;

/**
 * Admin: the receivers of other systems. A new endpoint's signing secret is shown once, with a
 * copy button; each endpoint has its delivery log and can redeliver one.
 */
@Component({
  selector: 'cp-webhooks-page',
  imports: [
    IntegrationsNavComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PageFrameComponent,
    MatSelectModule,
    ReactiveFormsModule,
    ShownOnceComponent,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../core/admin-cards.scss',
  styles: `
    .actions {
      flex-wrap: wrap;
    }
    .url {
      font-weight: 600;
      word-break: break-all;
    }
    .off {
      color: var(--mat-sys-error);
    }
    .deliveries {
      width: 100%;
      border-collapse: collapse;
      margin-top: 8px;
    }
    .deliveries th,
    .deliveries td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  template: `
    <cp-page
      [heading]="'integrations.webhooks.title' | transloco"
      [subtitle]="'integrations.webhooks.subtitle' | transloco"
      [state]="state"
      errorsTestId="webhook-errors"
    >
      <cp-integrations-nav cpPageNav />
      @if (secret(); as s) {
        <cp-shown-once
          [heading]="'integrations.webhooks.secretTitle' | transloco"
          [note]="'integrations.webhooks.secretOnce' | transloco"
          [value]="s"
          testId="webhook-secret"
          valueTestId="webhook-secret-value"
          doneTestId="webhook-secret-done"
          (done)="secret.set(null)"
        />
      }
      <form class="card" [formGroup]="form" (ngSubmit)="create()" novalidate data-testid="webhook-form">
        <h2>{{ 'integrations.webhooks.new' | transloco }}</h2>
        <div class="form-grid">
          <mat-form-field>
            <mat-label>{{ 'integrations.webhooks.url' | transloco }}</mat-label>
            <input matInput type="url" formControlName="url" data-testid="webhook-url" />
            <mat-hint>{{ 'integrations.webhooks.urlHint' | transloco }}</mat-hint>
            <mat-error>{{ 'integrations.webhooks.urlInvalid' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'integrations.webhooks.description' | transloco }}</mat-label>
            <input matInput formControlName="description" data-testid="webhook-description" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'integrations.webhooks.events' | transloco }}</mat-label>
            <mat-select formControlName="events" multiple data-testid="webhook-events">
              @for (t of types; track t) {
                <mat-option [value]="t">{{ 'integrations.eventTypes.' + t | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ 'integrations.webhooks.eventsRequired' | transloco }}</mat-error>
          </mat-form-field>
        </div>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="webhook-create">
            {{ 'integrations.webhooks.create' | transloco }}
          </button>
        </div>
      </form>

      @for (w of webhooks(); track w.id) {
        <article class="card" [attr.data-testid]="'webhook-' + w.id">
          @if (editing() === w.id) {
            <form [formGroup]="edit" (ngSubmit)="saveEdit(w)" novalidate>
              <div class="form-grid">
                <mat-form-field>
                  <mat-label>{{ 'integrations.webhooks.url' | transloco }}</mat-label>
                  <input matInput type="url" formControlName="url" data-testid="webhook-edit-url" />
                  <mat-error>{{ 'integrations.webhooks.urlInvalid' | transloco }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'integrations.webhooks.events' | transloco }}</mat-label>
                  <mat-select formControlName="events" multiple data-testid="webhook-edit-events">
                    @for (t of types; track t) {
                      <mat-option [value]="t">{{ 'integrations.eventTypes.' + t | transloco }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
              </div>
              <div class="actions">
                <button mat-button type="button" (click)="editing.set(null)">
                  {{ 'integrations.cancel' | transloco }}
                </button>
                <button mat-flat-button type="submit" [disabled]="busy()" data-testid="webhook-edit-save">
                  {{ 'integrations.save' | transloco }}
                </button>
              </div>
            </form>
          } @else {
            <div class="url">{{ w.url }}</div>
            @if (w.description) {
              <div class="cp-muted">{{ w.description }}</div>
            }
            <p>
              @if (w.active) {
                <span data-testid="webhook-state">{{ 'integrations.webhooks.active' | transloco }}</span>
              } @else {
                <span class="off" data-testid="webhook-state">
                  {{
                    (w.disabledAt ? 'integrations.webhooks.disabledAfterFailures' : 'integrations.webhooks.inactive')
                      | transloco: { n: w.consecutiveFailures }
                  }}
                </span>
              }
            </p>
            <p class="cp-muted">
              @for (t of w.events; track t; let last = $last) {
                {{ 'integrations.eventTypes.' + t | transloco }}{{ last ? '' : '、' }}
              }
            </p>
            <div class="actions">
              <button mat-button type="button" (click)="toggle(w)" data-testid="webhook-toggle">
                {{ (w.active ? 'integrations.webhooks.switchOff' : 'integrations.webhooks.switchOn') | transloco }}
              </button>
              <button mat-button type="button" (click)="startEdit(w)" data-testid="webhook-edit">
                {{ 'integrations.edit' | transloco }}
              </button>
              <button mat-button type="button" (click)="remove(w)" data-testid="webhook-delete">
                {{ 'integrations.delete' | transloco }}
              </button>
              <button mat-stroked-button type="button" (click)="showDeliveries(w)" data-testid="webhook-deliveries">
                {{ 'integrations.webhooks.deliveries' | transloco }}
              </button>
            </div>
          }
          @if (open() === w.id) {
            @if (deliveries().length === 0) {
              <p class="cp-muted">{{ 'integrations.webhooks.noDeliveries' | transloco }}</p>
            } @else {
              <table class="deliveries" data-testid="webhook-delivery-log">
                <thead>
                  <tr>
                    <th>{{ 'integrations.deliveries.createdAt' | transloco }}</th>
                    <th>{{ 'integrations.deliveries.eventType' | transloco }}</th>
                    <th>{{ 'integrations.deliveries.status' | transloco }}</th>
                    <th>{{ 'integrations.deliveries.attempts' | transloco }}</th>
                    <th>{{ 'integrations.deliveries.lastStatusCode' | transloco }}</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  @for (d of deliveries(); track d.id) {
                    <tr [attr.data-testid]="'delivery-' + d.id">
                      <td>{{ prefs.formatDateTime(d.createdAt) }}</td>
                      <td>{{ 'integrations.eventTypes.' + d.eventType | transloco }}</td>
                      <td>{{ 'integrations.deliveries.statuses.' + d.status | transloco }}</td>
                      <td>{{ d.attempts }}</td>
                      <td>{{ d.lastStatusCode ?? '—' }}</td>
                      <td>
                        <button mat-button type="button" (click)="redeliver(w, d)" data-testid="delivery-redeliver">
                          {{ 'integrations.deliveries.redeliver' | transloco }}
                        </button>
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            }
          }
        </article>
      } @empty {
        @if (!busy()) {
          <p class="cp-muted" data-testid="webhooks-empty">{{ 'integrations.webhooks.none' | transloco }}</p>
        }
      }
    </cp-page>
  `,
})
export class WebhooksPage implements OnInit {
  private readonly data = inject(IntegrationsDataService);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly types = WEBHOOK_EVENT_TYPES;
  protected readonly state = new RequestState((e) => errorLines(e, this.transloco.translate('integrations.failed')));
  protected readonly busy = this.state.busy;
  protected readonly webhooks = signal<WebhookView[]>([]);
  /** the new endpoint's secret, shown until dismissed (never again) */
  protected readonly secret = signal<string | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly open = signal<string | null>(null);
  protected readonly deliveries = signal<WebhookDeliveryView[]>([]);

  protected readonly form = this.fb.group({
    url: ['', [Validators.required, Validators.pattern(URL_PATTERN)]],
    description: [''],
    events: this.fb.control<WebhookEventType[]>([], Validators.required),
  });

  protected readonly edit = this.fb.group({
    url: ['', [Validators.required, Validators.pattern(URL_PATTERN)]],
    events: this.fb.control<WebhookEventType[]>([], Validators.required),
  });

  ngOnInit(): void {
    void this.run(() => this.reload());
  }

  protected async create(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    await this.run(async () => {
      const created = await firstValueFrom(
        this.data.createWebhook({
          url: v.url.trim(),
          events: v.events,
          ...(v.description.trim() ? { description: v.description.trim() } : {}),
        }),
      );
      this.secret.set(created.secret);
      this.form.reset({ url: '', description: '', events: [] });
      await this.reload();
    });
  }

  protected startEdit(w: WebhookView): void {
    this.edit.reset({ url: w.url, events: [...w.events] });
    this.editing.set(w.id);
  }

  protected async saveEdit(w: WebhookView): Promise<void> {
    if (this.edit.invalid || this.busy()) {
      this.edit.markAllAsTouched();
      return;
    }
    const v = this.edit.getRawValue();
    await this.run(async () => {
      await firstValueFrom(this.data.updateWebhook(w.id, { url: v.url.trim(), events: v.events }));
      this.editing.set(null);
      await this.reload();
    });
  }

  protected async toggle(w: WebhookView): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.data.updateWebhook(w.id, { active: !w.active }));
      await this.reload();
    });
  }

  protected async remove(w: WebhookView): Promise<void> {
    const t = (key: string) => this.transloco.translate(`integrations.${key}`);
    const data: ConfirmData = {
      title: t('webhooks.deleteTitle'),
      message: `${w.url}\n${t('webhooks.deleteMessage')}`,
      confirm: t('delete'),
      cancel: t('cancel'),
      danger: true,
    };
    const ok = await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed());
    if (!ok) return;
    await this.run(async () => {
      await firstValueFrom(this.data.deleteWebhook(w.id));
      if (this.open() === w.id) this.open.set(null);
      await this.reload();
    });
  }

  protected async showDeliveries(w: WebhookView): Promise<void> {
    if (this.open() === w.id) {
      this.open.set(null);
      return;
    }
    await this.run(async () => {
      this.deliveries.set(await firstValueFrom(this.data.deliveries(w.id)));
      this.open.set(w.id);
    });
  }

  protected async redeliver(w: WebhookView, d: WebhookDeliveryView): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.data.redeliver(w.id, d.id));
      this.snack.open(this.transloco.translate('integrations.deliveries.queued'), undefined, { duration: 3000 });
      this.deliveries.set(await firstValueFrom(this.data.deliveries(w.id)));
    });
  }

  private async reload(): Promise<void> {
    this.webhooks.set(await firstValueFrom(this.data.webhooks()));
  }

  private run(task: () => Promise<void>): Promise<void> {
    return this.state.run(task);
  }
}
