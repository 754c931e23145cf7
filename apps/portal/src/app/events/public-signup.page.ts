import { ChangeDetectionStrategy, Component, computed, inject, input, signal, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { EventDetail, PublicRegistrationRequest, PublicRegistrationResponse } from '@chamber/contracts';
import { normalizeFurigana, upcomingGraduationYears } from '@chamber/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { PrivacyConsentComponent } from '../core/privacy-consent.component';
import { EventFormatService } from './event-format.service';
import { EventSeatsComponent } from './event-seats.component';
import { registrationOpen } from './event-time';
import { apiErrorOf, fieldErrorMap, newIdempotencyKey, placeFieldErrors, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { kanaValidator } from './kana.validator';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

type Field = 'name' | 'nameKana' | 'email' | 'school' | 'graduationYear' | 'consent';
const FIELDS: readonly Field[] = ['name', 'nameKana', 'email', 'school', 'graduationYear', 'consent'];

/** Sign-up for a job fair or a public event without an account; phone first. */
@Component({
  selector: 'cp-public-signup-page',
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
    EventSeatsComponent,
    PrivacyConsentComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-signup.page.html',
  styleUrl: './public-signup.page.scss',
})
export class PublicSignupPage implements OnInit {
  private readonly data = inject(EventsDataService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);

  /** route parameter */
  readonly id = input.required<string>();

  protected readonly event = signal<EventDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<'not_found' | 'load' | null>(null);
  protected readonly busy = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  protected readonly result = signal<PublicRegistrationResponse | null>(null);
  protected readonly copied = signal(false);

  protected readonly open = computed(() => {
    const e = this.event();
    return !!e && e.audience !== 'members' && (e.registrationOpen ?? registrationOpen(e));
  });
  protected readonly full = computed(() => {
    const e = this.event();
    return !!e && e.registeredCount >= e.capacity;
  });
  protected readonly cancelUrl = computed(() => {
    const token = this.result()?.cancelToken;
    return token ? `${location.origin}/public/cancel?token=${encodeURIComponent(token)}` : '';
  });
  /** from the March that closes the current Tokyo fiscal year: never a graduation already past */
  protected readonly graduationYears = upcomingGraduationYears(7);

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    nameKana: ['', [Validators.required, Validators.maxLength(100), kanaValidator]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    school: ['', Validators.maxLength(200)],
    graduationYear: this.fb.control<number | null>(null),
    /** 個人情報の取扱い: required, sent as `consent: true` */
    consent: [false, Validators.requiredTrue],
  });
  private idempotencyKey = newIdempotencyKey();

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => (this.idempotencyKey = newIdempotencyKey()));
  }

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.event.set(await firstValueFrom(this.data.get(this.id())));
    } catch (error: unknown) {
      const status = statusOf(error);
      this.loadError.set(status === 404 || status === 401 || status === 403 ? 'not_found' : 'load');
    } finally {
      this.loading.set(false);
    }
  }

  protected serverError(field: Field): string | null {
    const message: unknown = this.form.controls[field].errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected normalizeKana(): void {
    const control = this.form.controls.nameKana;
    const normalized = normalizeFurigana(control.value);
    if (normalized !== control.value && !control.hasError('server')) control.setValue(normalized);
  }

  protected async submit(): Promise<void> {
    this.generalErrors.set([]);
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: PublicRegistrationRequest = {
      name: v.name.trim(),
      nameKana: v.nameKana.trim(),
      email: v.email.trim(),
      consent: true,
    };
    if (v.school.trim()) body.school = v.school.trim();
    if (v.graduationYear) body.graduationYear = Number(v.graduationYear);
    this.busy.set(true);
    try {
      const answer = await firstValueFrom(this.data.registerPublic(this.id(), body, this.idempotencyKey));
      this.result.set(answer);
      window.scrollTo({ top: 0 });
      // the seats shown above now count this sign-up too
      this.data.get(this.id()).subscribe({ next: (e) => this.event.set(e), error: () => undefined });
    } catch (error: unknown) {
      this.showErrors(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.cancelUrl());
      this.copied.set(true);
    } catch {
      // no clipboard (http, old browser): the link is on screen to copy by hand
    }
  }

  private showErrors(error: unknown): void {
    const body = apiErrorOf(error);
    if (!body) {
      const status = statusOf(error);
      const key = status === 0 ? 'network' : status === 429 ? 'rateLimited' : 'unknown';
      this.generalErrors.set([this.transloco.translate(`events.errors.${key}`)]);
      return;
    }
    const map = fieldErrorMap(body.errors);
    const rest = placeFieldErrors(body, (field) =>
      (FIELDS as readonly string[]).includes(field) ? this.form.controls[field as Field] : null,
    );
    // "This email has already signed up" (409) names no field: it belongs by the email.
    if (body.code === 'already_registered' && map.size === 0) {
      const email = this.form.controls.email;
      email.setErrors({ server: body.message });
      email.markAsTouched();
      this.generalErrors.set([body.message]);
      return;
    }
    this.generalErrors.set(map.size === 0 ? [body.message] : rest);
  }
}
