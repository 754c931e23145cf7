import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SUGGESTION_BODY_MAX, SUGGESTION_CATEGORIES } from '@chamber/contracts';
import type { SuggestionCategory } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { SuggestionsDataService } from './suggestions-data.service';
import { readableError, showReadableFields } from '../core/http';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

const FIELDS = ['category', 'body', 'anonymous'] as const;
type Field = (typeof FIELDS)[number];

/** A member posts a suggestion, named or anonymous. */
@Component({
  selector: 'cp-suggestion-form-page',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="suggestion-form">
      <h2>{{ 'suggestions.form.heading' | transloco }}</h2>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (general().length > 0) {
        <ul class="cp-error-list" role="alert" data-testid="suggestion-form-errors">
          @for (m of general(); track $index) {
            <li>{{ m }}</li>
          }
        </ul>
      }

      <mat-form-field>
        <mat-label>{{ 'suggestions.category.label' | transloco }}</mat-label>
        <mat-select formControlName="category" data-testid="suggestion-category">
          @for (c of categories; track c) {
            <mat-option [value]="c" [attr.data-testid]="'suggestion-category-' + c">
              {{ 'suggestions.category.' + c | transloco }}
            </mat-option>
          }
        </mat-select>
        <mat-error>{{ fieldError('category') ?? ('suggestions.form.errors.required' | transloco) }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label>{{ 'suggestions.form.body' | transloco }}</mat-label>
        <textarea matInput formControlName="body" rows="8" data-testid="suggestion-body-input"></textarea>
        <mat-hint>{{ 'suggestions.form.bodyHint' | transloco: { max: max } }}</mat-hint>
        <mat-hint align="end">{{ 'suggestions.form.counter' | transloco: { count: length(), max: max } }}</mat-hint>
        <mat-error>
          @if (fieldError('body'); as e) {
            {{ e }}
          } @else if (form.controls.body.hasError('maxlength')) {
            {{ 'suggestions.form.errors.tooLong' | transloco: { max: max } }}
          } @else {
            {{ 'suggestions.form.errors.required' | transloco }}
          }
        </mat-error>
      </mat-form-field>

      <div class="anonymous">
        <mat-checkbox formControlName="anonymous" data-testid="suggestion-anonymous">
          {{ 'suggestions.form.anonymous' | transloco }}
        </mat-checkbox>
        <p class="cp-muted hint">
          {{ (anonymous() ? 'suggestions.form.anonymousHint' : 'suggestions.form.namedHint') | transloco }}
        </p>
        @if (fieldError('anonymous'); as e) {
          <p class="field-error" role="alert">{{ e }}</p>
        }
      </div>

      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="suggestion-submit">
          {{ 'suggestions.form.submit' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 16px;
      max-width: 720px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .anonymous .hint {
      margin: 4px 0 0 40px;
      font: var(--mat-sys-body-small);
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 4px 0 0 40px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
})
export class SuggestionFormPage {
  private readonly data = inject(SuggestionsDataService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly categories = SUGGESTION_CATEGORIES;
  protected readonly max = SUGGESTION_BODY_MAX;
  protected readonly busy = signal(false);
  protected readonly general = signal<string[]>([]);
  private readonly serverErrors = signal<Partial<Record<Field, string>>>({});

  protected readonly form = this.fb.group({
    category: this.fb.control<SuggestionCategory | ''>('', Validators.required),
    body: ['', [Validators.required, Validators.maxLength(SUGGESTION_BODY_MAX), Validators.pattern(/\S/)]],
    anonymous: [false],
  });
  protected readonly anonymous = toSignal(this.form.controls.anonymous.valueChanges, { initialValue: false });
  private readonly bodyValue = toSignal(this.form.controls.body.valueChanges, { initialValue: '' });
  protected readonly length = computed(() => this.bodyValue().length);

  protected fieldError(field: Field): string | null {
    return this.serverErrors()[field] ?? null;
  }

  protected async submit(): Promise<void> {
    this.general.set([]);
    this.serverErrors.set({});
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    try {
      const created = await firstValueFrom(
        this.data.create({ category: v.category as SuggestionCategory, body: v.body.trim(), anonymous: v.anonymous }),
      );
      this.snack.open(this.transloco.translate('suggestions.form.sent'), undefined, { duration: 4000 });
      if (created.receipt) this.data.keepReceipt(created.receipt);
      // the receipt is shown once on the list, to be noted down for another device
      await this.router.navigate(['../mine'], {
        relativeTo: this.route,
        ...(created.receipt ? { queryParams: { receipt: created.receipt } } : {}),
      });
    } catch (error: unknown) {
      const readable = readableError(error, FIELDS, this.transloco.translate('suggestions.form.errors.unknown'));
      this.serverErrors.set(readable.fields);
      showReadableFields(readable.fields, (field) => this.form.controls[field as Field]);
      this.general.set(readable.general);
    } finally {
      this.busy.set(false);
    }
  }
}
