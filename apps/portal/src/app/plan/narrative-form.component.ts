import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ReportNarrative } from '@chamber/contracts';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { type NarrativeChange, ReportDataService } from './report-data.service';

export const NARRATIVE_FIELDS = ['evaluation', 'issues', 'nextSteps'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
const MAX_LENGTH = 4000;

/**
 * An action item's narrative for a year (評価, 課題, 次年度の取組): text for readers, a form for staff
 * and admins; its history of changes (who, when, what) opens under it.
 */
@Component({
  selector: 'cp-narrative-form',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (canEdit()) {
      <form (ngSubmit)="save()" [attr.data-testid]="'narrative-form-' + code()">
        @for (f of fields; track f) {
          <mat-form-field subscriptSizing="dynamic" class="field">
            <mat-label>{{ 'report.narrative.' + f | transloco }}</mat-label>
            <textarea
              matInput
              rows="3"
              [name]="f"
              [maxlength]="max"
              [ngModel]="draft()[f]"
              (ngModelChange)="edit(f, $event)"
              [attr.data-testid]="'narrative-' + f"
            ></textarea>
          </mat-form-field>
        }
        <div class="actions">
          @if (updated(); as u) {
            <span class="cp-muted updated">{{ 'report.narrative.updated' | transloco: u }}</span>
          }
          <button mat-button type="button" (click)="toggleHistory()" [attr.aria-expanded]="historyOpen()">
            {{ 'report.narrative.history' | transloco }}
          </button>
          <button
            mat-flat-button
            type="submit"
            [disabled]="!dirty() || saving()"
            [attr.data-testid]="'narrative-save-' + code()"
          >
            {{ 'report.narrative.save' | transloco }}
          </button>
        </div>
      </form>
    } @else {
      <dl class="text">
        @for (f of fields; track f) {
          <dt>{{ 'report.narrative.' + f | transloco }}</dt>
          <dd>{{ narrative()[f] || ('report.narrative.empty' | transloco) }}</dd>
        }
      </dl>
      <div class="actions">
        @if (updated(); as u) {
          <span class="cp-muted updated">{{ 'report.narrative.updated' | transloco: u }}</span>
        }
        <button mat-button type="button" (click)="toggleHistory()" [attr.aria-expanded]="historyOpen()">
          {{ 'report.narrative.history' | transloco }}
        </button>
      </div>
    }
    @if (historyOpen()) {
      <div class="history" [attr.data-testid]="'narrative-history-' + code()">
        @for (c of history(); track c.changedAt + $index) {
          <div class="change">
            <div class="who cp-muted">
              {{ prefs.formatDateTime(c.changedAt) }} · {{ c.changedByName || c.changedBy }}
            </div>
            <ul>
              @for (f of changedFields(c); track f) {
                <li>
                  <strong>{{ 'report.narrative.' + f | transloco }}</strong
                  >: <del>{{ c.old?.[f] || '—' }}</del> → <ins>{{ c.new[f] || '—' }}</ins>
                </li>
              }
            </ul>
          </div>
        } @empty {
          <p class="cp-muted">{{ 'report.narrative.noHistory' | transloco }}</p>
        }
      </div>
    }
  `,
  styles: `
    form {
      display: grid;
      gap: 8px;
    }
    .field {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
    }
    .updated {
      margin-right: auto;
      font: var(--mat-sys-body-small);
    }
    .text {
      margin: 0;
    }
    .text dt {
      font: var(--mat-sys-label-large);
      margin-top: 6px;
    }
    .text dd {
      margin: 2px 0 0;
      white-space: pre-wrap;
    }
    .history {
      margin-top: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
      font: var(--mat-sys-body-small);
    }
    .change + .change {
      border-top: 1px solid var(--mat-sys-outline-variant);
      margin-top: 6px;
      padding-top: 6px;
    }
    .history ul {
      margin: 2px 0 0;
      padding-left: 1.2em;
    }
    del {
      color: var(--mat-sys-on-surface-variant);
    }
    ins {
      text-decoration: none;
      font-weight: 600;
    }
  `,
})
export class NarrativeFormComponent {
  private readonly data = inject(ReportDataService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly prefs = inject(DisplayPrefsService);

  readonly fiscalYear = input.required<number>();
  readonly code = input.required<string>();
  readonly narrative = input.required<ReportNarrative>();
  readonly canEdit = input(false);
  readonly saved = output<ReportNarrative>();

  protected readonly fields = NARRATIVE_FIELDS;
  protected readonly max = MAX_LENGTH;
  protected readonly draft = signal<Record<NarrativeField, string>>({ evaluation: '', issues: '', nextSteps: '' });
  protected readonly saving = signal(false);
  protected readonly historyOpen = signal(false);
  protected readonly history = signal<NarrativeChange[]>([]);

  protected readonly dirty = computed(() => {
    const n = this.narrative();
    const d = this.draft();
    return NARRATIVE_FIELDS.some((f) => (n[f] ?? '') !== d[f]);
  });
  protected readonly updated = computed(() => {
    const n = this.narrative();
    return n.updatedAt ? { time: this.prefs.formatDateTime(n.updatedAt) } : null;
  });

  constructor() {
    effect(() => {
      const n = this.narrative();
      this.draft.set({ evaluation: n.evaluation ?? '', issues: n.issues ?? '', nextSteps: n.nextSteps ?? '' });
    });
  }

  protected edit(field: NarrativeField, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected changedFields(change: NarrativeChange): NarrativeField[] {
    return NARRATIVE_FIELDS.filter((f) => (change.old?.[f] ?? '') !== (change.new[f] ?? ''));
  }

  protected toggleHistory(): void {
    const open = !this.historyOpen();
    this.historyOpen.set(open);
    if (open) this.loadHistory();
  }

  protected save(): void {
    if (!this.dirty() || this.saving()) return;
    const n = this.narrative();
    const d = this.draft();
    const body = Object.fromEntries(NARRATIVE_FIELDS.filter((f) => (n[f] ?? '') !== d[f]).map((f) => [f, d[f]]));
    this.saving.set(true);
    this.data.saveNarrative(this.fiscalYear(), this.code(), body).subscribe({
      next: (answer) => {
        this.saving.set(false);
        this.saved.emit(answer);
        if (this.historyOpen()) this.loadHistory();
        this.snackBar.open(
          this.transloco.translate('report.narrative.saved'),
          this.transloco.translate('common.close'),
          {
            duration: 4000,
          },
        );
      },
      error: () => {
        this.saving.set(false);
        this.snackBar.open(
          this.transloco.translate('report.narrative.failed'),
          this.transloco.translate('common.close'),
        );
      },
    });
  }

  private loadHistory(): void {
    this.data.narrativeHistory(this.fiscalYear(), this.code()).subscribe({
      next: (list) => this.history.set(list),
      error: () => this.history.set([]),
    });
  }
}
