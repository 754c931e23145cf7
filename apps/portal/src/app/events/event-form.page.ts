import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  EVENT_AUDIENCES,
  EVENT_KINDS,
  type CreateEventRequest,
  type EventAudience,
  type EventDetail,
  type EventKind,
  type PlanView,
} from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { isoToTokyoLocal, tokyoLocalToIso } from './event-time';
import { apiErrorOf, newIdempotencyKey, placeFieldErrors, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

type Field =
  | 'kind'
  | 'titleJa'
  | 'titleEn'
  | 'descriptionJa'
  | 'descriptionEn'
  | 'actionItemCode'
  | 'startsAt'
  | 'endsAt'
  | 'venue'
  | 'capacity'
  | 'audience'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'invitedCount';

/** API field path → form control. */
const API_FIELDS: Record<string, Field> = {
  kind: 'kind',
  title: 'titleJa',
  'title.ja': 'titleJa',
  'title.en': 'titleEn',
  description: 'descriptionJa',
  'description.ja': 'descriptionJa',
  'description.en': 'descriptionEn',
  actionItemCode: 'actionItemCode',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  venue: 'venue',
  capacity: 'capacity',
  audience: 'audience',
  registrationOpensAt: 'registrationOpensAt',
  registrationClosesAt: 'registrationClosesAt',
  invitedCount: 'invitedCount',
};

interface ActionItemOption {
  code: string;
  title: { ja: string; en: string };
}
interface ActionItemGroup {
  label: { ja: string; en: string };
  items: ActionItemOption[];
}

function orderValidator(group: AbstractControl): ValidationErrors | null {
  const v = group.value as Record<string, string | undefined>;
  const errors: ValidationErrors = {};
  if (v['startsAt'] && v['endsAt'] && v['endsAt'] <= v['startsAt']) errors['endsBeforeStart'] = true;
  if (v['registrationOpensAt'] && v['registrationClosesAt'] && v['registrationClosesAt'] <= v['registrationOpensAt'])
    errors['closesBeforeOpens'] = true;
  return Object.keys(errors).length ? errors : null;
}

/** Staff create or edit an event; times are typed as Tokyo wall-clock time. */
@Component({
  selector: 'cp-event-form-page',
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
  templateUrl: './event-form.page.html',
  styleUrl: './event-form.page.scss',
})
export class EventFormPage implements OnInit {
  private readonly data = inject(EventsDataService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);

  /** route parameter: absent when creating */
  readonly id = input<string>();

  protected readonly kinds = EVENT_KINDS;
  protected readonly audiences = EVENT_AUDIENCES;
  protected readonly groups = signal<ActionItemGroup[]>([]);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  protected readonly editing = computed(() => !!this.id());
  private idempotencyKey = newIdempotencyKey();

  protected readonly form = this.fb.group(
    {
      kind: this.fb.control<EventKind>('seminar', Validators.required),
      titleJa: ['', [Validators.required, Validators.maxLength(200)]],
      titleEn: ['', Validators.maxLength(200)],
      descriptionJa: ['', Validators.maxLength(5000)],
      descriptionEn: ['', Validators.maxLength(5000)],
      actionItemCode: ['', Validators.required],
      startsAt: ['', Validators.required],
      endsAt: ['', Validators.required],
      venue: ['', [Validators.required, Validators.maxLength(200)]],
      capacity: this.fb.control<number | null>(30, [Validators.required, Validators.min(1), Validators.max(100000)]),
      audience: this.fb.control<EventAudience>('members', Validators.required),
      registrationOpensAt: [''],
      registrationClosesAt: [''],
      invitedCount: this.fb.control<number | null>(null, [Validators.min(0)]),
    },
    { validators: orderValidator },
  );
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: this.form.controls.kind.value,
  });

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => (this.idempotencyKey = newIdempotencyKey()));
  }

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    const id = this.id();
    try {
      const [plan, event] = await Promise.all([
        firstValueFrom(this.data.plan()).catch(() => null),
        id ? firstValueFrom(this.data.get(id)) : Promise.resolve(null),
      ]);
      if (plan) this.groups.set(this.actionItemGroups(plan));
      if (event) this.fill(event);
    } catch {
      this.generalErrors.set([this.transloco.translate('events.errors.load')]);
    } finally {
      this.loading.set(false);
    }
  }

  protected serverError(field: Field): string | null {
    const message: unknown = this.form.controls[field].errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected async submit(): Promise<void> {
    this.generalErrors.set([]);
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const body = this.request();
    this.busy.set(true);
    try {
      const id = this.id();
      const saved = id
        ? await firstValueFrom(this.data.update(id, body))
        : await firstValueFrom(this.data.create(body, this.idempotencyKey));
      await this.router.navigate(['/events', saved.id ?? id]);
    } catch (error: unknown) {
      this.showErrors(error);
    } finally {
      this.busy.set(false);
    }
  }

  private request(): CreateEventRequest {
    const v = this.form.getRawValue();
    const body: CreateEventRequest = {
      kind: v.kind,
      title: { ja: v.titleJa.trim(), ...(v.titleEn.trim() ? { en: v.titleEn.trim() } : {}) },
      actionItemCode: v.actionItemCode,
      startsAt: tokyoLocalToIso(v.startsAt),
      endsAt: tokyoLocalToIso(v.endsAt),
      venue: v.venue.trim(),
      capacity: Number(v.capacity),
      audience: v.audience,
    };
    if (v.descriptionJa.trim() || v.descriptionEn.trim())
      body.description = {
        ja: v.descriptionJa.trim(),
        ...(v.descriptionEn.trim() ? { en: v.descriptionEn.trim() } : {}),
      };
    // Empty optional times are sent as null so that an edit can clear them.
    body.registrationOpensAt = v.registrationOpensAt ? tokyoLocalToIso(v.registrationOpensAt) : null;
    body.registrationClosesAt = v.registrationClosesAt ? tokyoLocalToIso(v.registrationClosesAt) : null;
    if (v.kind === 'member_gathering')
      body.invitedCount = v.invitedCount !== null && `${v.invitedCount}` !== '' ? Number(v.invitedCount) : null;
    return body;
  }

  private fill(e: EventDetail): void {
    this.form.setValue({
      kind: e.kind,
      titleJa: e.title.ja ?? '',
      titleEn: e.title.en ?? '',
      descriptionJa: e.description?.ja ?? '',
      descriptionEn: e.description?.en ?? '',
      actionItemCode: e.actionItemCode,
      startsAt: isoToTokyoLocal(e.startsAt),
      endsAt: isoToTokyoLocal(e.endsAt),
      venue: e.venue ?? '',
      capacity: e.capacity,
      audience: e.audience ?? 'members',
      registrationOpensAt: isoToTokyoLocal(e.registrationOpensAt),
      registrationClosesAt: isoToTokyoLocal(e.registrationClosesAt),
      invitedCount: e.invitedCount ?? null,
    });
    // An action item of an older plan still shows in the select.
    if (!this.groups().some((g) => g.items.some((i) => i.code === e.actionItemCode)))
      this.groups.update((g) => [
        ...g,
        { label: { ja: '', en: '' }, items: [{ code: e.actionItemCode, title: { ja: '', en: '' } }] },
      ]);
  }

  private actionItemGroups(plan: PlanView): ActionItemGroup[] {
    return plan.pillars.flatMap((pillar) =>
      pillar.themes.map((theme) => ({
        label: { ja: `${theme.code} ${theme.name.ja}`, en: `${theme.code} ${theme.name.en}` },
        items: theme.actionItems.map((item) => ({ code: item.code, title: item.title })),
      })),
    );
  }

  private showErrors(error: unknown): void {
    const body = apiErrorOf(error);
    if (!body) {
      const key = statusOf(error) === 0 ? 'network' : statusOf(error) === 403 ? 'forbidden' : 'unknown';
      this.generalErrors.set([this.transloco.translate(`events.errors.${key}`)]);
      return;
    }
    this.generalErrors.set(
      placeFieldErrors(body, (field) => {
        const name = API_FIELDS[field];
        return name ? this.form.controls[name] : null;
      }),
    );
  }
}
