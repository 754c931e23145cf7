import { ChangeDetectionStrategy, Component, computed, inject, input, signal, type OnInit } from '@angular/core';
import {
  FormArray,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  FormGroup,
  type FormControl,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ExamApplicationReceipt, ExamCandidate, ExamSitting } from '@chamber/contracts';
import { isKatakanaName, normalizeFurigana } from '@chamber/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { PrivacyConsentComponent } from '../core/privacy-consent.component';
import { ExamFormatService } from './exam-format.service';
import { canApply } from './exam-rules';
import { ExamsDataService } from './exams-data.service';
import { apiErrorOf, newIdempotencyKey, placeFieldErrors, serverError, statusOf } from '../core/http';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

type Candidate = FormGroup<{
  name: FormControl<string>;
  nameKana: FormControl<string>;
  email: FormControl<string>;
  birthDate: FormControl<string>;
  phone: FormControl<string>;
}>;

const kana = (c: { value: string }) => (!c.value.trim() || isKatakanaName(c.value) ? null : { kana: true });
const phone = (c: { value: string }) =>
  !c.value.trim() || /^\+?[0-9０-９][0-9０-９()（）\-ー‐−\s]{8,}$/.test(c.value.trim()) ? null : { phone: true };

/**
 * The application form: one candidate without an account (public sittings) or for an employee
 * applying for self; several for a company contact or staff. Shows the examinee numbers issued.
 */
@Component({
  selector: 'cp-exam-apply-page',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    PrivacyConsentComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exam-apply.page.html',
  styleUrl: './exam-apply.page.scss',
})
export class ExamApplyPage implements OnInit {
  private readonly data = inject(ExamsDataService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly transloco = inject(TranslocoService);
  protected readonly auth = inject(AuthService);
  protected readonly format = inject(ExamFormatService);

  /** route parameter */
  readonly id = input.required<string>();

  protected readonly sitting = signal<ExamSitting | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<'not_found' | 'load' | null>(null);
  protected readonly busy = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  protected readonly receipts = signal<(ExamApplicationReceipt & { name: string })[]>([]);

  protected readonly anonymous = computed(() => !this.auth.signedIn());
  protected readonly single = computed(() => this.anonymous() || this.auth.role() === 'member');
  protected readonly manager = computed(() => this.auth.role() === 'manager');
  protected readonly open = computed(() => {
    const s = this.sitting();
    return !!s && canApply(s, this.auth.signedIn());
  });
  protected readonly cancelUrl = computed(() => {
    const token = this.receipts()[0]?.cancelToken;
    return token ? `${location.origin}/exams/cancel?token=${encodeURIComponent(token)}` : '';
  });

  protected readonly candidates = new FormArray<Candidate>([]);
  protected readonly form = new FormGroup({ candidates: this.candidates });
  /** 個人情報の取扱い: required on the public form (signed-in members agreed as members) */
  protected readonly consent = this.fb.control(false, Validators.requiredTrue);
  private idempotencyKey = newIdempotencyKey();

  ngOnInit(): void {
    const user = this.auth.user();
    this.addCandidate(user?.role === 'member' ? { name: user.displayName ?? '', email: user.email } : {});
    this.candidates.valueChanges.subscribe(() => (this.idempotencyKey = newIdempotencyKey()));
    void this.load();
  }

  protected addCandidate(init: { name?: string; email?: string } = {}): void {
    const required = this.anonymous() ? [Validators.required] : [];
    const group: Candidate = this.fb.group({
      name: [init.name ?? '', [Validators.required, Validators.maxLength(100)]],
      nameKana: ['', [Validators.required, Validators.maxLength(100), kana]],
      email: [init.email ?? '', [Validators.required, Validators.email, Validators.maxLength(254)]],
      birthDate: ['', required],
      phone: ['', [...required, phone]],
    });
    if (this.auth.role() === 'member') group.controls.email.disable();
    this.candidates.push(group);
  }

  protected removeCandidate(i: number): void {
    if (this.candidates.length > 1) this.candidates.removeAt(i);
  }

  protected serverError = serverError;

  protected normalizeKana(i: number): void {
    const control = this.candidates.at(i).controls.nameKana;
    const normalized = normalizeFurigana(control.value);
    if (normalized !== control.value && !control.hasError('server')) control.setValue(normalized);
  }

  protected async submit(): Promise<void> {
    this.generalErrors.set([]);
    const consentMissing = this.anonymous() && this.consent.invalid;
    if (this.candidates.invalid || consentMissing || this.busy()) {
      this.candidates.markAllAsTouched();
      this.consent.markAsTouched();
      return;
    }
    const list: ExamCandidate[] = this.candidates.getRawValue().map((c) => ({
      name: c.name.trim(),
      nameKana: c.nameKana.trim(),
      email: c.email.trim(),
      ...(c.birthDate ? { birthDate: c.birthDate } : {}),
      ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
    }));
    this.busy.set(true);
    try {
      if (this.anonymous()) {
        const c = list[0]!;
        const answer = await firstValueFrom(
          this.data.applyPublic(
            this.id(),
            {
              name: c.name,
              nameKana: c.nameKana,
              email: c.email,
              birthDate: c.birthDate ?? '',
              phone: c.phone ?? '',
              consent: true,
            },
            this.idempotencyKey,
          ),
        );
        this.receipts.set([{ ...answer, name: c.name }]);
      } else {
        const answer = await firstValueFrom(this.data.apply(this.id(), { candidates: list }, this.idempotencyKey));
        this.receipts.set(answer.applications.map((a, i) => ({ ...a, name: list[i]?.name ?? '' })));
      }
      window.scrollTo({ top: 0 });
    } catch (error: unknown) {
      this.showErrors(error);
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      this.sitting.set(await firstValueFrom(this.data.sitting(this.id())));
    } catch (error: unknown) {
      const status = statusOf(error);
      this.loadError.set(status === 404 || status === 400 || status === 401 ? 'not_found' : 'load');
    } finally {
      this.loading.set(false);
    }
  }

  private showErrors(error: unknown): void {
    const body = apiErrorOf(error);
    if (!body) {
      const status = statusOf(error);
      const key = status === 0 ? 'network' : status === 429 ? 'rateLimited' : 'unknown';
      this.generalErrors.set([this.transloco.translate(`exams.errors.${key}`)]);
      return;
    }
    this.generalErrors.set(
      placeFieldErrors(body, (field) => {
        // `candidates.1.email` on the member form; `email` on the public form
        const m = /^(?:candidates\.(\d+)\.)?(name|nameKana|email|birthDate|phone)$/.exec(field);
        if (!m) return null;
        const group = this.candidates.at(Number(m[1] ?? 0));
        return group ? group.controls[m[2] as keyof Candidate['controls']] : null;
      }),
    );
  }
}
