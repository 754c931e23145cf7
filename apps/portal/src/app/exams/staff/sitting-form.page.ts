import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { CreateExamSittingRequest, ExamAudience, ExamType, UpdateExamSittingRequest } from '@chamber/contracts';
import { EXAM_AUDIENCES } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/language.service';
import { fromTokyoInput, toTokyoInput } from '../exam-rules';
import { ExamsDataService } from '../exams-data.service';
import { apiErrorOf, placeFieldErrors, serverError } from '../../core/http';
import { FocusInvalidDirective } from '../../core/focus-invalid.directive';

type Field =
  | 'examCode'
  | 'grade'
  | 'startsAt'
  | 'endsAt'
  | 'venue'
  | 'capacity'
  | 'fee'
  | 'audience'
  | 'applicationClosesAt'
  | 'note';

/** Staff: schedule a sitting (exam, grade, date, venue, seats, fee, window, audience) or change one. */
@Component({
  selector: 'cp-exam-sitting-form-page',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page narrow">
      <a routerLink="/exams/manage">← {{ 'exams.manage.title' | transloco }}</a>
      <h1>{{ (id() ? 'exams.form.editTitle' : 'exams.form.newTitle') | transloco }}</h1>
      @if (generalErrors().length) {
        <ul class="cp-error-list" role="alert">
          @for (e of generalErrors(); track $index) {
            <li>{{ e }}</li>
          }
        </ul>
      }
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'exams.calendar.filter' | transloco }}</mat-label>
            <mat-select formControlName="examCode" data-testid="form-exam">
              @for (t of types(); track t.code) {
                <mat-option [value]="t.code">{{ language.pick(t.name) }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error('examCode') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'exams.fields.grade' | transloco }}</mat-label>
            <mat-select formControlName="grade" data-testid="form-grade">
              @for (g of grades(); track g.code) {
                <mat-option [value]="g.code">{{ language.pick(g.name) }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error('grade') }}</mat-error>
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'exams.fields.startsAt' | transloco }}</mat-label>
            <input matInput type="datetime-local" formControlName="startsAt" data-testid="form-starts" />
            <mat-hint>{{ 'exams.form.tokyo' | transloco }}</mat-hint>
            <mat-error>{{ error('startsAt') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'exams.fields.endsAt' | transloco }}</mat-label>
            <input matInput type="datetime-local" formControlName="endsAt" />
            <mat-error>{{ error('endsAt') }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'exams.fields.venue' | transloco }}</mat-label>
          <input matInput formControlName="venue" data-testid="form-venue" />
          <mat-error>{{ error('venue') }}</mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'exams.fields.capacity' | transloco }}</mat-label>
            <input matInput type="number" min="1" formControlName="capacity" data-testid="form-capacity" />
            <mat-error>{{ error('capacity') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'exams.fields.feeYen' | transloco }}</mat-label>
            <input matInput type="number" min="0" formControlName="fee" data-testid="form-fee" />
            <mat-error>{{ error('fee') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'exams.fields.audience' | transloco }}</mat-label>
            <mat-select formControlName="audience" data-testid="form-audience">
              @for (a of audiences; track a) {
                <mat-option [value]="a">{{ 'exams.audience.' + a | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'exams.fields.closes' | transloco }}</mat-label>
          <input matInput type="datetime-local" formControlName="applicationClosesAt" data-testid="form-closes" />
          <mat-hint>{{ 'exams.form.closesHint' | transloco }}</mat-hint>
          <mat-error>{{ error('applicationClosesAt') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'exams.fields.note' | transloco }}</mat-label>
          <textarea matInput rows="3" formControlName="note"></textarea>
          <mat-error>{{ error('note') }}</mat-error>
        </mat-form-field>
        <div class="buttons">
          <a mat-button routerLink="/exams/manage">{{ 'common.cancel' | transloco }}</a>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="form-save">
            {{ 'exams.form.save' | transloco }}
          </button>
        </div>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        }
      </form>
    </section>
  `,
  styles: `
    .narrow {
      max-width: 760px;
    }
    h1 {
      font: var(--mat-sys-headline-small);
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .row {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
    }
    .row mat-form-field {
      flex: 1 1 180px;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class ExamSittingFormPage implements OnInit {
  private readonly data = inject(ExamsDataService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);

  /** route parameter (absent when creating) */
  readonly id = input<string>();

  protected readonly audiences = EXAM_AUDIENCES;
  protected readonly types = signal<ExamType[]>([]);
  protected readonly busy = signal(false);
  protected readonly generalErrors = signal<string[]>([]);

  protected readonly form = this.fb.group({
    examCode: ['boki', Validators.required],
    grade: ['3', Validators.required],
    startsAt: ['', Validators.required],
    endsAt: [''],
    venue: ['', [Validators.required, Validators.maxLength(200)]],
    capacity: this.fb.control<number>(100, [Validators.required, Validators.min(1)]),
    fee: this.fb.control<number>(0, [Validators.required, Validators.min(0)]),
    audience: this.fb.control<ExamAudience>('public'),
    applicationClosesAt: [''],
    note: ['', Validators.maxLength(2000)],
  });
  private readonly examCode = toSignal(this.form.controls.examCode.valueChanges, { initialValue: 'boki' });
  protected readonly grades = computed(() => this.types().find((t) => t.code === this.examCode())?.grades ?? []);

  constructor() {
    // another exam: its first grade unless the chosen one exists there too
    effect(() => {
      const grades = this.grades();
      const grade = this.form.controls.grade;
      if (grades.length && !grades.some((g) => g.code === grade.value)) grade.setValue(grades[0]!.code);
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  protected error(field: Field): string {
    const control = this.form.controls[field];
    return (
      serverError(control) ??
      this.transloco.translate(control.hasError('min') ? 'exams.errors.min' : 'exams.errors.required')
    );
  }

  protected async save(): Promise<void> {
    this.generalErrors.set([]);
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const startsAt = fromTokyoInput(v.startsAt) ?? v.startsAt;
    const common = {
      startsAt,
      venue: v.venue.trim(),
      capacity: Number(v.capacity),
      fee: Number(v.fee),
      audience: v.audience,
      note: v.note,
    };
    this.busy.set(true);
    try {
      const id = this.id();
      if (id) {
        const body: UpdateExamSittingRequest = {
          ...common,
          endsAt: fromTokyoInput(v.endsAt),
          applicationClosesAt: fromTokyoInput(v.applicationClosesAt),
        };
        await firstValueFrom(this.data.update(id, body));
      } else {
        const body: CreateExamSittingRequest = { ...common, examCode: v.examCode, grade: v.grade };
        const endsAt = fromTokyoInput(v.endsAt);
        const closes = fromTokyoInput(v.applicationClosesAt);
        if (endsAt) body.endsAt = endsAt;
        if (closes) body.applicationClosesAt = closes;
        await firstValueFrom(this.data.create(body));
      }
      await this.router.navigateByUrl('/exams/manage');
    } catch (e: unknown) {
      const body = apiErrorOf(e);
      this.generalErrors.set(
        body
          ? placeFieldErrors(body, (f) => (f in this.form.controls ? this.form.controls[f as Field] : null))
          : [this.transloco.translate('exams.errors.unknown')],
      );
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    this.types.set(await firstValueFrom(this.data.types()));
    const id = this.id();
    if (!id) return;
    const s = await firstValueFrom(this.data.sitting(id));
    this.form.patchValue({
      examCode: s.exam.code,
      grade: s.grade,
      startsAt: toTokyoInput(s.startsAt),
      endsAt: toTokyoInput(s.endsAt),
      venue: s.venue,
      capacity: s.capacity,
      fee: s.fee,
      audience: s.audience,
      applicationClosesAt: toTokyoInput(s.applicationClosesAt),
      note: s.note,
    });
    this.form.controls.examCode.disable();
    this.form.controls.grade.disable();
  }
}
