import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { MILESTONE_STATUSES } from '@chamber/contracts';
import type {
  FieldError,
  KpiReading,
  ManualEntryRequest,
  ManualEntryResponse,
  MilestoneStatus,
} from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { isApiError, setServerError } from '../core/http';
import { LanguageService } from '../core/language.service';
import { KpiDataService } from './kpi-data.service';

export interface ManualEntryData {
  kpis: KpiReading[];
  kpiId: string | null;
  fiscalYear: number;
  fiscalYears: number[];
}

type Field = 'kpiId' | 'fiscalYear' | 'mode' | 'part' | 'delta' | 'value' | 'milestone' | 'note';
const FORM_FIELDS: readonly Field[] = ['kpiId', 'fiscalYear', 'mode', 'part', 'delta', 'value', 'milestone', 'note'];

/** Figures the system cannot observe, entered by staff with a note; the API keeps them as ledger rows. */
@Component({
  selector: 'cp-manual-entry-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './manual-entry.dialog.html',
  styleUrl: './manual-entry.dialog.scss',
})
export class ManualEntryDialog {
  private readonly api = inject(KpiDataService);
  private readonly ref = inject<MatDialogRef<ManualEntryDialog, ManualEntryResponse>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly transloco = inject(TranslocoService);
  protected readonly data = inject<ManualEntryData>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly milestones = MILESTONE_STATUSES;
  protected readonly busy = signal(false);
  /** errors of the answer that name no field of this form, or name none at all */
  protected readonly generalErrors = signal<string[]>([]);

  protected readonly form = this.fb.group({
    kpiId: [this.data.kpiId ?? '', Validators.required],
    fiscalYear: [this.data.fiscalYear, Validators.required],
    mode: ['add' as 'add' | 'set'],
    part: ['numerator' as 'numerator' | 'denominator'],
    delta: this.fb.control<number | null>(null, [Validators.required]),
    value: this.fb.control<number | null>(null, [Validators.required]),
    milestone: this.fb.control<MilestoneStatus>('in_progress', [Validators.required]),
    note: ['', [Validators.required, Validators.maxLength(500)]],
  });

  private readonly kpiId = toSignal(this.form.controls.kpiId.valueChanges, {
    initialValue: this.form.controls.kpiId.value,
  });
  private readonly modeValue = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: this.form.controls.mode.value,
  });

  protected readonly kpi = computed(() => this.data.kpis.find((k) => k.id === this.kpiId()) ?? null);
  protected readonly isMilestone = computed(() => this.kpi()?.kind === 'milestone');
  protected readonly isRatio = computed(() => this.kpi()?.kind === 'ratio');
  /** Milestones are set, never added to. */
  protected readonly mode = computed(() => (this.isMilestone() ? 'set' : this.modeValue()));

  constructor() {
    // Only the controls of the chosen way of entering count toward validity and the request.
    effect(() => {
      const mode = this.mode();
      const milestone = this.isMilestone();
      const c = this.form.controls;
      this.toggle(c.mode, !milestone);
      this.toggle(c.part, this.isRatio());
      this.toggle(c.delta, mode === 'add');
      this.toggle(c.value, mode === 'set' && !milestone);
      this.toggle(c.milestone, mode === 'set' && milestone);
    });
  }

  protected label(k: KpiReading): string {
    return `${k.actionItemCode} ${this.language.pick(k.label)}`;
  }

  protected serverError(field: Field): string | null {
    const errors = this.form.controls[field].errors;
    const message: unknown = errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected async submit(): Promise<void> {
    this.generalErrors.set([]);
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: ManualEntryRequest = { fiscalYear: v.fiscalYear, note: v.note.trim() };
    if (this.mode() === 'add') body.delta = v.delta ?? 0;
    else body.value = this.isMilestone() ? v.milestone : (v.value ?? 0);
    if (this.isRatio()) body.part = v.part;

    this.busy.set(true);
    try {
      const answer = await firstValueFrom(this.api.addEntry(v.kpiId, body));
      this.ref.close(answer);
    } catch (error: unknown) {
      this.showErrors(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** A 400 lists each field at fault, already in the user's language: put each message by its field. */
  private showErrors(error: unknown): void {
    if (!(error instanceof HttpErrorResponse)) {
      this.generalErrors.set([this.transloco.translate('entry.errors.unknown')]);
      return;
    }
    const body: unknown = error.error;
    if (!isApiError(body)) {
      const key =
        error.status === 0
          ? 'entry.errors.network'
          : error.status === 403
            ? 'entry.errors.forbidden'
            : 'entry.errors.unknown';
      this.generalErrors.set([this.transloco.translate(key)]);
      return;
    }
    const general: string[] = [];
    const fieldErrors: FieldError[] = body.errors ?? [];
    for (const fe of fieldErrors) {
      const field = this.formField(fe.field);
      if (field) {
        setServerError(this.form.controls[field], fe.message);
      } else {
        general.push(fe.field ? `${fe.field}: ${fe.message}` : fe.message);
      }
    }
    if (fieldErrors.length === 0) general.push(body.message);
    this.generalErrors.set(general);
  }

  /** The control an API field name belongs to (`value` is the milestone select for milestones). */
  private formField(apiField: string): Field | null {
    const name = apiField.split('.')[0];
    if (name === 'value' && this.isMilestone()) return 'milestone';
    if (name === 'id') return 'kpiId';
    return (FORM_FIELDS as readonly string[]).includes(name) ? (name as Field) : null;
  }

  private toggle(control: { enabled: boolean; enable(): void; disable(): void }, on: boolean): void {
    if (on && !control.enabled) control.enable();
    if (!on && control.enabled) control.disable();
  }
}
