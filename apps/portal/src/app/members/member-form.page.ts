import { ChangeDetectionStrategy, Component, computed, inject, input, signal, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { MEMBER_PROFILE_FIELDS, WARDS } from '@chamber/contracts';
import type { CreateMemberRequest, MemberDetail, UpdateMemberRequest, Ward } from '@chamber/contracts';
import {
  isKatakanaName,
  isValidCorporateNumber,
  normalizeCorporateNumber,
  normalizeFurigana,
  tokyoDate,
} from '@chamber/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { wardLabel } from './member-labels';
import { MembersDataService } from './members-data.service';
import { readableError, showReadableFields } from '../core/http';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

const FIELDS = [
  'name',
  'nameKana',
  'corporateNumber',
  'industry',
  'ward',
  'joinedOn',
  'employees',
  'representative',
  'representativeKana',
  'postalCode',
  'address',
  'phone',
  'email',
  'website',
  'founder',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];

/** Create a member company (staff), or edit one: staff every field, a member_admin their profile fields. */
@Component({
  selector: 'cp-member-form-page',
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ (id() ? 'members.form.editTitle' : 'members.form.createTitle') | transloco }}</h1>
          @if (loaded(); as m) {
            <p class="cp-subtitle">{{ m.name }}</p>
          }
        </div>
      </header>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (general().length > 0) {
        <ul class="cp-error-list" role="alert" data-testid="member-form-errors">
          @for (m of general(); track $index) {
            <li>{{ m }}</li>
          }
        </ul>
      }
      <form class="card" [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="member-form">
        <div class="form-grid">
          @for (f of textFields; track f.name) {
            <mat-form-field [class.wide]="f.wide">
              <mat-label>{{ 'members.fields.' + f.name | transloco }}</mat-label>
              <input
                matInput
                [type]="f.type ?? 'text'"
                [formControlName]="f.name"
                [attr.data-testid]="'member-' + f.name"
                [attr.autocomplete]="'off'"
              />
              @if (f.hint) {
                <mat-hint>{{ f.hint | transloco }}</mat-hint>
              }
              <mat-error>{{ errorOf(f.name) }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'members.fields.ward' | transloco }}</mat-label>
            <mat-select formControlName="ward" data-testid="member-ward">
              @for (w of wards; track w) {
                <mat-option [value]="w">{{ ward(w) }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf('ward') }}</mat-error>
          </mat-form-field>
          @if (isStaff()) {
            <mat-form-field class="wide">
              <mat-label>{{ 'members.fields.notes' | transloco }}</mat-label>
              <textarea matInput rows="3" formControlName="notes"></textarea>
              <mat-error>{{ errorOf('notes') }}</mat-error>
            </mat-form-field>
            <mat-checkbox formControlName="founder" data-testid="member-founder">
              {{ 'members.fields.founder' | transloco }}
            </mat-checkbox>
          }
        </div>
        <div class="actions">
          <a mat-button [routerLink]="id() ? ['/members', id()] : ['/members']">{{ 'common.cancel' | transloco }}</a>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="member-save">
            {{ 'members.form.save' | transloco }}
          </button>
        </div>
      </form>
    </section>
  `,
})
export class MemberFormPage implements OnInit {
  /** the route's :id when editing */
  readonly id = input<string>();

  private readonly data = inject(MembersDataService);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly wards = WARDS;
  protected readonly busy = signal(false);
  protected readonly general = signal<string[]>([]);
  protected readonly loaded = signal<MemberDetail | null>(null);
  private readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly isStaff = computed(() => this.auth.canEnterFigures());

  protected readonly textFields: { name: Field; type?: string; hint?: string; wide?: boolean }[] = [
    { name: 'name' },
    { name: 'nameKana', hint: 'members.form.kanaHint' },
    { name: 'corporateNumber', hint: 'members.form.corporateNumberHint' },
    { name: 'industry' },
    { name: 'joinedOn', type: 'date' },
    { name: 'employees', type: 'number' },
    { name: 'representative' },
    { name: 'representativeKana', hint: 'members.form.kanaHint' },
    { name: 'postalCode' },
    { name: 'address', wide: true },
    { name: 'phone', type: 'tel' },
    { name: 'email', type: 'email' },
    { name: 'website', type: 'url' },
  ];

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    nameKana: ['', [Validators.required, Validators.maxLength(200)]],
    corporateNumber: [''],
    industry: ['', [Validators.required, Validators.maxLength(100)]],
    ward: this.fb.control<Ward | ''>('', Validators.required),
    joinedOn: [tokyoDate(new Date()), Validators.required],
    employees: [''],
    representative: [''],
    representativeKana: [''],
    postalCode: [''],
    address: [''],
    phone: [''],
    email: ['', Validators.email],
    website: [''],
    founder: [false],
    notes: [''],
  });

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    const id = this.id();
    if (!id) return;
    this.busy.set(true);
    try {
      const m = await firstValueFrom(this.data.get(id));
      this.loaded.set(m);
      this.form.patchValue({
        ...m,
        corporateNumber: m.corporateNumber ?? '',
        ward: m.ward ?? '',
        joinedOn: m.joinedOn ?? '',
        employees: m.employees === null ? '' : String(m.employees),
      });
      if (!this.isStaff()) {
        for (const f of FIELDS)
          if (!(MEMBER_PROFILE_FIELDS as readonly string[]).includes(f)) this.form.controls[f].disable();
      }
    } catch (error: unknown) {
      this.general.set(readableError(error, [], this.transloco.translate('members.errors.load')).general);
    } finally {
      this.busy.set(false);
    }
  }

  protected ward(w: Ward): string {
    return wardLabel(w, (t) => this.language.pick(t));
  }

  protected errorOf(field: Field): string {
    const server = this.serverErrors()[field];
    if (server) return server;
    const c = this.form.controls[field];
    if (c.hasError('required')) return this.transloco.translate('members.errors.required');
    if (c.hasError('katakana')) return this.transloco.translate('members.errors.katakana');
    if (c.hasError('corporateNumber')) return this.transloco.translate('members.errors.corporateNumber');
    if (c.hasError('email')) return this.transloco.translate('members.errors.email');
    if (c.hasError('maxlength')) return this.transloco.translate('members.errors.tooLong');
    return '';
  }

  protected async submit(): Promise<void> {
    this.general.set([]);
    this.serverErrors.set({});
    this.checkLocally();
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    // <input type="number"> gives a number (or null) whatever the control's declared type
    const employees = v.employees as unknown as string | number | null;
    const profile = {
      representative: v.representative.trim(),
      representativeKana: v.representativeKana ? normalizeFurigana(v.representativeKana) : '',
      postalCode: v.postalCode.trim(),
      address: v.address.trim(),
      phone: v.phone.trim(),
      email: v.email.trim(),
      website: v.website.trim(),
      employees: employees === '' || employees === null ? null : Number(employees),
      industry: v.industry.trim(),
    };
    const id = this.id();
    this.busy.set(true);
    try {
      let target: string;
      if (!id) {
        const body: CreateMemberRequest = {
          ...profile,
          name: v.name.trim(),
          nameKana: v.nameKana,
          corporateNumber: v.corporateNumber.trim() || null,
          ward: v.ward as Ward,
          joinedOn: v.joinedOn,
          founder: v.founder,
          notes: v.notes,
        };
        target = (await firstValueFrom(this.data.create(body))).id;
      } else {
        const body: UpdateMemberRequest = this.isStaff()
          ? {
              ...profile,
              name: v.name.trim(),
              nameKana: v.nameKana,
              corporateNumber: v.corporateNumber.trim() || null,
              ward: v.ward as Ward,
              joinedOn: v.joinedOn,
              founder: v.founder,
              notes: v.notes,
            }
          : profile;
        target = (await firstValueFrom(this.data.update(id, body))).id;
      }
      this.snack.open(this.transloco.translate('members.form.saved'), undefined, { duration: 3000 });
      await this.router.navigate(['/members', target]);
    } catch (error: unknown) {
      const readable = readableError(error, FIELDS, this.transloco.translate('members.errors.save'));
      this.serverErrors.set(readable.fields);
      showReadableFields(readable.fields, (field) => this.form.controls[field as Field]);
      this.general.set(readable.general);
    } finally {
      this.busy.set(false);
    }
  }

  /** The same rules the API applies, so most mistakes show before sending. */
  private checkLocally(): void {
    const c = this.form.controls;
    for (const kana of [c.nameKana, c.representativeKana])
      if (kana.enabled && kana.value && !isKatakanaName(kana.value)) kana.setErrors({ katakana: true });
    const number = normalizeCorporateNumber(c.corporateNumber.value);
    if (c.corporateNumber.enabled && number && !isValidCorporateNumber(number))
      c.corporateNumber.setErrors({ corporateNumber: true });
  }
}
