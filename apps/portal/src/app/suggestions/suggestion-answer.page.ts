import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { STAFF_ROLES, SUGGESTION_ANSWER_MAX, SUGGESTION_DIVISIONS } from '@chamber/contracts';
import type { StaffSuggestionView, SuggestionPerson, UpdateSuggestionRequest } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { SuggestionCardComponent } from './suggestion-card.component';
import { SuggestionsDataService } from './suggestions-data.service';
import { readableError, setServerError } from '../core/http';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

/** One suggestion for staff: who posted it (unless anonymous), triage, and the answer. */
@Component({
  selector: 'cp-suggestion-answer-page',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
    SuggestionCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './suggestion-answer.page.html',
  styleUrl: './suggestion-answer.page.scss',
})
export class SuggestionAnswerPage {
  /** from the route (:id) */
  readonly id = input.required<string>();

  private readonly data = inject(SuggestionsDataService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly prefs = inject(DisplayPrefsService);
  private readonly auth = inject(AuthService);
  /** staff and admins act; managers read */
  protected readonly canEdit = computed(() => this.auth.hasRole(STAFF_ROLES));

  protected readonly max = SUGGESTION_ANSWER_MAX;
  protected readonly suggestion = signal<StaffSuggestionView | null>(null);
  protected readonly assignees = signal<SuggestionPerson[]>([]);
  protected readonly loading = signal(true);
  protected readonly missing = signal(false);
  protected readonly busy = signal(false);
  protected readonly general = signal<string[]>([]);
  protected readonly answerError = signal<string | null>(null);
  /** the answer as it will be sent, shown for confirmation before anything goes out */
  protected readonly preview = signal<{ body: string; public: boolean } | null>(null);
  private readonly previewHeading = viewChild<ElementRef<HTMLElement>>('previewHeading');

  protected readonly triage = this.fb.group({
    division: this.fb.control<string | null>(null),
    assigneeId: this.fb.control<string | null>(null),
  });
  protected readonly answerForm = this.fb.group({
    body: ['', [Validators.required, Validators.maxLength(SUGGESTION_ANSWER_MAX), Validators.pattern(/\S/)]],
    public: [false],
  });

  /** The usual divisions, and the current one if it is written differently. */
  protected readonly divisions = computed(() => {
    const current = this.suggestion()?.division;
    const list: string[] = [...SUGGESTION_DIVISIONS];
    return current && !list.includes(current) ? [...list, current] : list;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    this.loading.set(true);
    this.missing.set(false);
    try {
      const [view, people] = await Promise.all([
        firstValueFrom(this.data.one(id)),
        this.assignees().length ? Promise.resolve(this.assignees()) : firstValueFrom(this.data.assignees()),
      ]);
      this.assignees.set(people);
      if (view.view !== 'staff') throw new Error('not a staff view');
      this.show(view);
    } catch {
      this.missing.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  private show(view: StaffSuggestionView): void {
    this.suggestion.set(view);
    this.triage.reset({ division: view.division, assigneeId: view.assignee?.id ?? null });
    if (!this.canEdit()) this.triage.disable();
  }

  protected async saveTriage(): Promise<void> {
    const v = this.triage.getRawValue();
    await this.patch({ division: v.division, assigneeId: v.assigneeId });
  }

  protected async markInReview(): Promise<void> {
    await this.patch({ status: 'in_review' });
  }

  protected async setPublic(value: boolean): Promise<void> {
    await this.patch({ answerPublic: value });
  }

  private async patch(body: UpdateSuggestionRequest): Promise<void> {
    const s = this.suggestion();
    if (!s || this.busy()) return;
    this.busy.set(true);
    this.general.set([]);
    try {
      this.show(await firstValueFrom(this.data.update(s.id, body)));
      this.snack.open(this.transloco.translate('suggestions.detail.saved'), undefined, { duration: 3000 });
    } catch (error: unknown) {
      this.general.set(readableError(error, [], this.transloco.translate('suggestions.errors.save')).general);
    } finally {
      this.busy.set(false);
    }
  }

  /** The form's submit: nothing is sent yet, the answer is shown as it will go out, to confirm. */
  protected sendAnswer(): void {
    this.general.set([]);
    this.answerError.set(null);
    if (!this.suggestion() || this.busy()) return;
    if (this.answerForm.invalid) {
      this.answerForm.markAllAsTouched();
      return;
    }
    const v = this.answerForm.getRawValue();
    this.preview.set({ body: v.body.trim(), public: v.public });
    // the preview replaces the form: move focus to its heading so keyboard and screen-reader users follow
    setTimeout(() => this.previewHeading()?.nativeElement.focus());
  }

  /** Back to the form, the text kept. */
  protected editAnswer(): void {
    this.preview.set(null);
  }

  /** Sends the previewed answer (mail to a named poster; publication if chosen). */
  protected async confirmAnswer(): Promise<void> {
    const s = this.suggestion();
    const p = this.preview();
    if (!s || !p || this.busy()) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.data.answer(s.id, { body: p.body, public: p.public }));
      this.snack.open(this.transloco.translate('suggestions.detail.answered'), undefined, { duration: 3000 });
      this.preview.set(null);
      this.answerForm.reset({ body: '', public: false });
      this.show((await firstValueFrom(this.data.one(s.id))) as StaffSuggestionView);
    } catch (error: unknown) {
      // refused: back to the form, with the message by the field at fault
      this.preview.set(null);
      const readable = readableError(error, ['body', 'public'], this.transloco.translate('suggestions.errors.save'));
      if (readable.fields['body']) {
        this.answerError.set(readable.fields['body']);
        setServerError(this.answerForm.controls.body, readable.fields['body']);
      }
      this.general.set([...readable.general, ...(readable.fields['public'] ? [readable.fields['public']] : [])]);
    } finally {
      this.busy.set(false);
    }
  }
}
