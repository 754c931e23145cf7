import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ApiError, MailTemplateKind, MailTemplatePreview, MailTemplateView } from '@chamber/contracts';
import { MAIL_TEMPLATE_KINDS } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { GovernanceDataService } from './governance-data.service';

type Lang = 'ja' | 'en';

function fieldErrors(error: unknown): { subject?: string; body?: string; general?: string } {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || !error.error) return {};
  const body = error.error as ApiError;
  const out: { subject?: string; body?: string; general?: string } = {};
  for (const e of body.errors ?? []) {
    if (e.field === 'subject' || e.field === 'body') out[e.field] = e.message;
    else out.general = e.message;
  }
  if (!body.errors?.length) out.general = body.message;
  return out;
}

/** Staff reword the mails people receive, per language, with the variables each may use. */
@Component({
  selector: 'cp-mail-templates-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'governance.templates.title' | transloco }}</h1>
          <p class="cp-subtitle">{{ 'governance.templates.lead' | transloco }}</p>
        </div>
      </header>

      <div class="cp-filters">
        <mat-form-field class="kind">
          <mat-label>{{ 'governance.templates.kind' | transloco }}</mat-label>
          <mat-select [value]="kind()" (selectionChange)="choose($event.value, lang())" data-testid="template-kind">
            @for (k of kinds; track k) {
              <mat-option [value]="k">
                {{ 'governance.templates.kinds.' + k | transloco }}
                @if (isCustom(k)) {
                  · {{ 'governance.templates.edited' | transloco }}
                }
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'governance.templates.lang' | transloco }}</mat-label>
          <mat-select [value]="lang()" (selectionChange)="choose(kind(), $event.value)" data-testid="template-lang">
            <mat-option value="ja">日本語</mat-option>
            <mat-option value="en">English</mat-option>
          </mat-select>
        </mat-form-field>
      </div>

      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (errors().general; as g) {
        <p class="cp-error-list" role="alert">{{ g }}</p>
      }
      @if (current(); as t) {
        <p class="cp-muted" data-testid="template-state">
          {{ (t.custom ? 'governance.templates.customState' : 'governance.templates.defaultState') | transloco }}
        </p>
        <div class="variables" data-testid="template-variables">
          <span>{{ 'governance.templates.variables' | transloco }}</span>
          @for (v of t.variables; track v) {
            <button mat-stroked-button type="button" (click)="insert(v)">{{ braces(v) }}</button>
          }
        </div>
        <mat-form-field class="wide">
          <mat-label>{{ 'governance.templates.subject' | transloco }}</mat-label>
          <input matInput [value]="subject()" (input)="subject.set(value($event))" data-testid="template-subject" />
          @if (errors().subject; as e) {
            <mat-hint class="error" data-testid="template-subject-error">{{ e }}</mat-hint>
          }
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'governance.templates.body' | transloco }}</mat-label>
          <textarea
            matInput
            rows="10"
            [value]="body()"
            (input)="body.set(value($event))"
            (focus)="focusBody = true"
            data-testid="template-body"
          ></textarea>
          <mat-hint [class.error]="!!errors().body" data-testid="template-body-hint">
            {{ errors().body ?? ('governance.templates.bodyHint' | transloco) }}
          </mat-hint>
        </mat-form-field>
        <div class="actions">
          <button mat-flat-button type="button" (click)="save()" [disabled]="busy()" data-testid="template-save">
            {{ 'governance.templates.save' | transloco }}
          </button>
          <button
            mat-stroked-button
            type="button"
            (click)="preview()"
            [disabled]="busy()"
            data-testid="template-preview"
          >
            {{ 'governance.templates.preview' | transloco }}
          </button>
          <button
            mat-button
            type="button"
            (click)="reset()"
            [disabled]="busy() || !t.custom"
            data-testid="template-reset"
          >
            {{ 'governance.templates.reset' | transloco }}
          </button>
        </div>
        @if (shown(); as p) {
          <section class="preview" data-testid="template-preview-box">
            <h2>{{ 'governance.templates.previewTitle' | transloco }}</h2>
            <p>
              <strong>{{ 'governance.templates.subject' | transloco }}:</strong>
              <span data-testid="template-preview-subject">{{ p.subject }}</span>
            </p>
            <pre data-testid="template-preview-text">{{ p.text }}</pre>
          </section>
        }
      }
    </section>
  `,
  styles: `
    .kind {
      flex: 1 1 320px;
    }
    .wide {
      width: 100%;
    }
    .variables {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-bottom: 12px;
    }
    .actions {
      display: flex;
      gap: 12px;
      margin: 16px 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
    pre {
      white-space: pre-wrap;
      background: var(--mat-sys-surface-container, #f5f5f5);
      padding: 12px;
      font-size: 13px;
    }
  `,
})
export class MailTemplatesPage implements OnInit {
  private readonly data = inject(GovernanceDataService);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly kinds = MAIL_TEMPLATE_KINDS;
  protected readonly kind = signal<MailTemplateKind>('registration_confirmed');
  protected readonly lang = signal<Lang>('ja');
  protected readonly all = signal<MailTemplateView[]>([]);
  protected readonly current = computed(
    () => this.all().find((t) => t.kind === this.kind() && t.lang === this.lang()) ?? null,
  );
  protected readonly subject = signal('');
  protected readonly body = signal('');
  protected readonly busy = signal(false);
  protected readonly errors = signal<{ subject?: string; body?: string; general?: string }>({});
  protected readonly shown = signal<MailTemplatePreview | null>(null);
  protected focusBody = false;

  ngOnInit(): void {
    void this.load();
  }

  protected braces(v: string): string {
    return `{{ ${v} }}`;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected isCustom(kind: MailTemplateKind): boolean {
    return this.all().some((t) => t.kind === kind && t.custom);
  }

  protected choose(kind: MailTemplateKind, lang: Lang): void {
    this.kind.set(kind);
    this.lang.set(lang);
    this.fill();
  }

  /** Adds a variable at the end of the body (or the subject, if the body was never focused). */
  protected insert(v: string): void {
    if (this.focusBody) this.body.update((b) => `${b}${this.braces(v)}`);
    else this.subject.update((s) => `${s}${this.braces(v)}`);
  }

  protected async save(): Promise<void> {
    await this.run(async () => {
      const saved = await firstValueFrom(
        this.data.saveMailTemplate(this.kind(), this.lang(), { subject: this.subject(), body: this.body() }),
      );
      this.all.update((list) => list.map((t) => (t.kind === saved.kind && t.lang === saved.lang ? saved : t)));
      this.snack.open(this.t('saved'), undefined, { duration: 3000 });
    });
  }

  protected async preview(): Promise<void> {
    await this.run(async () => {
      this.shown.set(
        await firstValueFrom(
          this.data.previewMailTemplate(this.kind(), this.lang(), { subject: this.subject(), body: this.body() }),
        ),
      );
    });
  }

  protected async reset(): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.data.resetMailTemplate(this.kind(), this.lang()));
      await this.load();
      this.snack.open(this.t('resetDone'), undefined, { duration: 3000 });
    });
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      this.all.set(await firstValueFrom(this.data.mailTemplates()));
      this.fill();
    });
  }

  private fill(): void {
    const t = this.current();
    this.subject.set(t?.subject ?? '');
    this.body.set(t?.body ?? '');
    this.errors.set({});
    this.shown.set(null);
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.errors.set({});
    try {
      await work();
    } catch (e: unknown) {
      const errs = fieldErrors(e);
      this.errors.set(Object.keys(errs).length ? errs : { general: this.t('error') });
    } finally {
      this.busy.set(false);
    }
  }

  private t(key: string): string {
    return this.transloco.translate(`governance.templates.${key}`);
  }
}
