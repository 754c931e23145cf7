import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { API_TOKEN_NAME_MAX, API_TOKEN_SCOPES } from '@chamber/contracts';
import type { ApiTokenScope, ApiTokenView } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialog, type ConfirmData } from '../core/confirm.dialog';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { IntegrationsDataService } from './integrations-data.service';
import { errorLines } from '../core/http';
import { PageFrameComponent } from '../core/page-frame.component';
import { RequestState } from '../core/request-state';
import { IntegrationsNavComponent } from './integrations-nav.component';
import { ShownOnceComponent } from './shown-once.component';

/** Admin: tokens other systems call the API with. A new token is shown once, with a copy button. */
@Component({
  selector: 'cp-api-tokens-page',
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
    .form-grid {
      --cp-field-min: 260px;
    }
    .name {
      font-weight: 600;
    }
  `,
  template: `
    <cp-page
      [heading]="'integrations.tokens.title' | transloco"
      [subtitle]="'integrations.tokens.subtitle' | transloco"
      [state]="state"
      errorsTestId="token-errors"
    >
      <cp-integrations-nav cpPageNav />
      @if (issued(); as token) {
        <cp-shown-once
          [heading]="'integrations.tokens.issuedTitle' | transloco"
          [note]="'integrations.tokens.issuedOnce' | transloco"
          [value]="token"
          testId="token-issued"
          valueTestId="token-value"
          doneTestId="token-done"
          (done)="issued.set(null)"
        />
      }
      <form class="card" [formGroup]="form" (ngSubmit)="create()" novalidate data-testid="token-form">
        <h2>{{ 'integrations.tokens.new' | transloco }}</h2>
        <div class="form-grid">
          <mat-form-field>
            <mat-label>{{ 'integrations.tokens.name' | transloco }}</mat-label>
            <input matInput formControlName="name" [maxlength]="nameMax" data-testid="token-name" />
            <mat-error>{{ 'integrations.tokens.nameRequired' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'integrations.tokens.scopes' | transloco }}</mat-label>
            <mat-select formControlName="scopes" multiple data-testid="token-scopes">
              @for (s of scopes; track s) {
                <mat-option [value]="s">{{ 'integrations.scopes.' + s | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ 'integrations.tokens.scopesRequired' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'integrations.tokens.expiresOn' | transloco }}</mat-label>
            <input matInput type="date" formControlName="expiresOn" data-testid="token-expires" />
            <mat-hint>{{ 'integrations.tokens.expiresHint' | transloco }}</mat-hint>
          </mat-form-field>
        </div>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="token-create">
            {{ 'integrations.tokens.create' | transloco }}
          </button>
        </div>
      </form>

      @for (t of tokens(); track t.id) {
        <article class="card" [attr.data-testid]="'token-' + t.id">
          <div class="name">{{ t.name }}</div>
          <p class="cp-muted">
            @for (s of t.scopes; track s; let last = $last) {
              {{ 'integrations.scopes.' + s | transloco }}{{ last ? '' : '、' }}
            }
          </p>
          <p class="cp-muted">
            {{ 'integrations.tokens.createdAt' | transloco }}: {{ prefs.formatDateTime(t.createdAt) }} ·
            {{ 'integrations.tokens.lastUsedAt' | transloco }}:
            {{ t.lastUsedAt ? prefs.formatDateTime(t.lastUsedAt) : ('integrations.tokens.never' | transloco) }} ·
            {{ 'integrations.tokens.expiresAt' | transloco }}:
            {{ t.expiresAt ? prefs.formatDateTime(t.expiresAt) : ('integrations.tokens.noExpiry' | transloco) }}
          </p>
          <div class="actions">
            <button mat-button type="button" (click)="revoke(t)" data-testid="token-revoke">
              {{ 'integrations.tokens.revoke' | transloco }}
            </button>
          </div>
        </article>
      } @empty {
        @if (!busy()) {
          <p class="cp-muted" data-testid="tokens-empty">{{ 'integrations.tokens.none' | transloco }}</p>
        }
      }
    </cp-page>
  `,
})
export class ApiTokensPage implements OnInit {
  private readonly data = inject(IntegrationsDataService);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly scopes = API_TOKEN_SCOPES;
  protected readonly nameMax = API_TOKEN_NAME_MAX;
  protected readonly state = new RequestState((e) => errorLines(e, this.transloco.translate('integrations.failed')));
  protected readonly busy = this.state.busy;
  protected readonly tokens = signal<ApiTokenView[]>([]);
  /** the new token, shown until dismissed (never again: only its hash is kept) */
  protected readonly issued = signal<string | null>(null);

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(API_TOKEN_NAME_MAX)]],
    scopes: this.fb.control<ApiTokenScope[]>([], Validators.required),
    /** yyyy-mm-dd: valid to the end of that day in Tokyo */
    expiresOn: [''],
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
        this.data.createToken({
          name: v.name.trim(),
          scopes: v.scopes,
          ...(v.expiresOn ? { expiresAt: `${v.expiresOn}T23:59:59+09:00` } : {}),
        }),
      );
      this.issued.set(created.token);
      this.form.reset({ name: '', scopes: [], expiresOn: '' });
      await this.reload();
    });
  }

  protected async revoke(t: ApiTokenView): Promise<void> {
    const tr = (key: string) => this.transloco.translate(`integrations.${key}`);
    const data: ConfirmData = {
      title: tr('tokens.revokeTitle'),
      message: `${t.name}\n${tr('tokens.revokeMessage')}`,
      confirm: tr('tokens.revoke'),
      cancel: tr('cancel'),
      danger: true,
    };
    const ok = await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed());
    if (!ok) return;
    await this.run(async () => {
      await firstValueFrom(this.data.revokeToken(t.id));
      await this.reload();
    });
  }

  private async reload(): Promise<void> {
    this.tokens.set(await firstValueFrom(this.data.tokens()));
  }

  private run(task: () => Promise<void>): Promise<void> {
    return this.state.run(task);
  }
}
