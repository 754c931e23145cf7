import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type FormArray,
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { EventSummary, ParticipantInput, RegistrationResult } from '@chamber/contracts';
import { normalizeFurigana } from '@chamber/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { apiErrorOf, newIdempotencyKey, placeFieldErrors, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { kanaValidator } from './kana.validator';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

type ParticipantForm = FormGroup<{
  name: FormControl<string>;
  nameKana: FormControl<string>;
  email: FormControl<string>;
}>;
type ParticipantField = 'name' | 'nameKana' | 'email';

export interface RegisteredParticipant extends ParticipantInput {
  result: RegistrationResult;
}

const MAX_PARTICIPANTS = 50;

/**
 * Registration for self (`member`) or for several employees at once (`member_admin`, staff): all of
 * them or none. A 400 puts each message by the input it names (`participants.1.nameKana`).
 */
@Component({
  selector: 'cp-registration-form',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './registration-form.component.html',
  styleUrl: './registration-form.component.scss',
})
export class RegistrationFormComponent implements OnInit {
  private readonly data = inject(EventsDataService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);

  readonly event = input.required<EventSummary>();
  /** `self`: one participant, the signed-in member; `many`: a list of employees */
  readonly mode = input<'self' | 'many'>('many');
  readonly registered = output<RegisteredParticipant[]>();

  protected readonly busy = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  protected readonly max = MAX_PARTICIPANTS;
  protected readonly count = signal(1);
  protected readonly full = computed(() => this.event().registeredCount >= this.event().capacity);

  protected readonly participants: FormArray<ParticipantForm> = this.fb.array<ParticipantForm>([]);
  protected readonly form = this.fb.group({ participants: this.participants });
  private idempotencyKey = newIdempotencyKey();

  constructor() {
    // A changed form is a new intended write; an unchanged retry replays the first answer.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => (this.idempotencyKey = newIdempotencyKey()));
  }

  ngOnInit(): void {
    this.reset();
  }

  protected isSelf(): boolean {
    return this.mode() === 'self';
  }

  protected add(): void {
    if (this.participants.length >= MAX_PARTICIPANTS) return;
    this.participants.push(this.row());
    this.count.set(this.participants.length);
  }

  protected remove(index: number): void {
    if (this.participants.length <= 1) return;
    this.participants.removeAt(index);
    this.count.set(this.participants.length);
  }

  /** Shows what will be stored: hiragana and half-width kana become katakana when the field is left. */
  protected normalizeKana(index: number): void {
    const control = this.participants.at(index).controls.nameKana;
    const normalized = normalizeFurigana(control.value);
    if (normalized !== control.value && !control.hasError('server')) control.setValue(normalized);
  }

  protected serverError(index: number, field: ParticipantField): string | null {
    const message: unknown = this.participants.at(index).controls[field].errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected async submit(): Promise<void> {
    this.generalErrors.set([]);
    this.markDuplicates();
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const participants: ParticipantInput[] = this.participants.getRawValue().map((p) => ({
      name: p.name.trim(),
      nameKana: p.nameKana.trim(),
      email: p.email.trim(),
    }));
    this.busy.set(true);
    try {
      const answer = await firstValueFrom(this.data.register(this.event().id, { participants }, this.idempotencyKey));
      this.registered.emit(
        participants.map((p, i) => ({
          ...p,
          result: answer.registrations[i] ?? {
            id: '',
            status: 'registered',
            waitlistPosition: null,
            name: p.name,
            email: p.email,
          },
        })),
      );
      this.reset();
    } catch (error: unknown) {
      this.showErrors(error);
    } finally {
      this.busy.set(false);
    }
  }

  private row(value: Partial<ParticipantInput> = {}): ParticipantForm {
    const group = this.fb.group({
      name: [value.name ?? '', [Validators.required, Validators.maxLength(100)]],
      nameKana: [value.nameKana ?? '', [Validators.required, Validators.maxLength(100), kanaValidator]],
      email: [value.email ?? '', [Validators.required, Validators.email, Validators.maxLength(254)]],
    });
    if (this.isSelf() && value.email) group.controls.email.disable();
    return group;
  }

  private reset(): void {
    const user = this.auth.user();
    this.participants.clear();
    this.participants.push(
      this.isSelf() ? this.row({ name: user?.displayName ?? '', email: user?.email ?? '' }) : this.row(),
    );
    this.count.set(1);
    this.form.markAsPristine();
    this.form.markAsUntouched();
  }

  /** The same email twice in one list would be refused as a whole; say which row repeats it. */
  private markDuplicates(): void {
    const seen = new Set<string>();
    this.participants.controls.forEach((group) => {
      const control = group.controls.email;
      const email = control.value.trim().toLowerCase();
      if (control.hasError('duplicate')) {
        const { duplicate: _drop, ...rest } = control.errors ?? {};
        control.setErrors(Object.keys(rest).length ? rest : null);
      }
      if (email === '') return;
      if (seen.has(email)) control.setErrors({ ...(control.errors ?? {}), duplicate: true });
      seen.add(email);
    });
  }

  private showErrors(error: unknown): void {
    const body = apiErrorOf(error);
    if (!body) {
      const status = statusOf(error);
      const key = status === 0 ? 'network' : status === 403 ? 'forbidden' : status === 429 ? 'rateLimited' : 'unknown';
      this.generalErrors.set([this.transloco.translate(`events.errors.${key}`)]);
      return;
    }
    this.generalErrors.set(
      placeFieldErrors(body, (field) => {
        const m = /^participants\.(\d+)\.(name|nameKana|email)$/.exec(field);
        return m ? (this.participants.at(Number(m[1]))?.controls[m[2] as ParticipantField] ?? null) : null;
      }),
    );
  }
}
