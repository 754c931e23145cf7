import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Injector, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ApiError, ErasePersonalDataResponse, PersonalDataExport } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { ConfirmData, ConfirmDialog } from '../core/confirm.dialog';
import { GovernanceDataService } from './governance-data.service';

/** The kinds of record an export lists, in the order shown. */
const KINDS = [
  'registrations',
  'examApplications',
  'people',
  'invitations',
  'consultations',
  'suggestions',
  'mails',
  'memberContacts',
] as const;

function messageOf(error: unknown, fallback: string): string {
  if (error instanceof HttpErrorResponse && typeof error.error === 'object' && error.error) {
    const body = error.error as ApiError;
    return body.errors?.[0]?.message ?? body.message ?? fallback;
  }
  return fallback;
}

/** Admins answer a person's request (個人情報保護法): see what is held about an email, and erase it. */
@Component({
  selector: 'cp-personal-data-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'governance.personal.title' | transloco }}</h1>
          <p class="cp-subtitle">{{ 'governance.personal.lead' | transloco }}</p>
        </div>
      </header>

      <form class="cp-filters" (submit)="$event.preventDefault(); look()">
        <mat-form-field class="email">
          <mat-label>{{ 'governance.personal.email' | transloco }}</mat-label>
          <input
            matInput
            type="email"
            name="email"
            autocomplete="off"
            [value]="email()"
            (input)="setEmail($event)"
            data-testid="personal-email"
          />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy() || !email()" data-testid="personal-look">
          {{ 'governance.personal.look' | transloco }}
        </button>
      </form>

      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (error()) {
        <p class="cp-error-list" role="alert" data-testid="personal-error">{{ error() }}</p>
      }
      @if (erased(); as e) {
        <p class="done" role="status" data-testid="personal-erased">
          {{ 'governance.personal.erasedDone' | transloco: { total: total(e) } }}
        </p>
      }
      @if (found(); as f) {
        <h2>{{ 'governance.personal.heldAbout' | transloco: { email: f.email } }}</h2>
        <ul class="counts" data-testid="personal-counts">
          <li>
            {{ 'governance.personal.kinds.account' | transloco }}:
            <strong>{{ f.account ? 1 : 0 }}</strong>
          </li>
          @for (k of kinds; track k) {
            <li [attr.data-kind]="k">
              {{ 'governance.personal.kinds.' + k | transloco }}: <strong>{{ f[k].length }}</strong>
            </li>
          }
        </ul>
        <div class="actions">
          <button mat-stroked-button type="button" (click)="download(f)" data-testid="personal-download">
            {{ 'governance.personal.download' | transloco }}
          </button>
          <button mat-flat-button type="button" class="danger" (click)="erase(f)" data-testid="personal-erase">
            {{ 'governance.personal.erase' | transloco }}
          </button>
        </div>
        <details>
          <summary>{{ 'governance.personal.raw' | transloco }}</summary>
          <pre data-testid="personal-json">{{ json(f) }}</pre>
        </details>
      }
    </section>
  `,
  styles: `
    .email {
      flex: 1 1 360px;
    }
    .counts {
      columns: 2;
      max-width: 640px;
    }
    .actions {
      display: flex;
      gap: 12px;
      margin: 16px 0;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
    pre {
      max-height: 480px;
      overflow: auto;
      font-size: 12px;
      background: var(--mat-sys-surface-container, #f5f5f5);
      padding: 12px;
    }
    .done {
      font-weight: 500;
    }
  `,
})
export class PersonalDataPage {
  private readonly data = inject(GovernanceDataService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);

  protected readonly kinds = KINDS;
  protected readonly email = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly found = signal<PersonalDataExport | null>(null);
  protected readonly erased = signal<ErasePersonalDataResponse['erased'] | null>(null);

  protected setEmail(event: Event): void {
    this.email.set((event.target as HTMLInputElement).value.trim());
  }

  protected async look(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.erased.set(null);
    try {
      this.found.set(await firstValueFrom(this.data.personalData(this.email())));
    } catch (e: unknown) {
      this.found.set(null);
      this.error.set(messageOf(e, this.t('loadError')));
    } finally {
      this.busy.set(false);
    }
  }

  protected async erase(f: PersonalDataExport): Promise<void> {
    const data: ConfirmData = {
      title: this.t('confirmTitle'),
      message: this.t('confirmMessage', { email: f.email }),
      confirm: this.t('confirmErase'),
      cancel: this.t('cancel'),
      danger: true,
    };
    const ok = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, injector: this.injector })
        .afterClosed(),
    );
    if (!ok) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const res = await firstValueFrom(this.data.erasePersonalData(f.email));
      this.found.set(null);
      this.erased.set(res.erased);
    } catch (e: unknown) {
      this.error.set(messageOf(e, this.t('eraseError')));
    } finally {
      this.busy.set(false);
    }
  }

  protected total(e: Record<string, number>): number {
    return Object.values(e).reduce((a, b) => a + b, 0);
  }

  protected json(f: PersonalDataExport): string {
    return JSON.stringify(f, null, 2);
  }

  /** The export as a file to hand to the person. */
  protected download(f: PersonalDataExport): void {
    const url = URL.createObjectURL(new Blob([this.json(f)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'personal-data.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(`governance.personal.${key}`, params);
  }
}
