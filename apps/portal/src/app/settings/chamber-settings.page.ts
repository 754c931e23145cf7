import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CERTIFICATE_DATE_STYLES, CHAMBER_IMAGE_MAX_BYTES, CHAMBER_IMAGE_TYPES } from '@chamber/contracts';
import type { CertificateDateStyle, ChamberImageKind, ChamberProfile } from '@chamber/contracts';
import { japaneseDate } from '@chamber/domain';
import { firstValueFrom } from 'rxjs';
import { ChamberService } from '../core/chamber.service';
import { apiErrorOf, placeFieldErrors, serverError } from '../core/http';
import { PageFrameComponent } from '../core/page-frame.component';
import { RequestState } from '../core/request-state';
import { SettingsDataService } from './settings-data.service';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

/** API field (`name.ja`) → form control (`nameJa`). */
const FIELDS = {
  'name.ja': 'nameJa',
  'name.en': 'nameEn',
  postalCode: 'postalCode',
  'address.ja': 'addressJa',
  'address.en': 'addressEn',
  phone: 'phone',
  email: 'email',
  website: 'website',
  'presidentTitle.ja': 'presidentTitleJa',
  'presidentTitle.en': 'presidentTitleEn',
  'presidentName.ja': 'presidentNameJa',
  'presidentName.en': 'presidentNameEn',
} as const;
type Control = (typeof FIELDS)[keyof typeof FIELDS] | 'certificateDateStyle';

/** Admin: the chamber's name, address, president, certificate dates, logo and seal. */
@Component({
  selector: 'cp-chamber-settings-page',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PageFrameComponent,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../core/admin-cards.scss',
  styles: `
    .form-grid {
      --cp-field-min: 260px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .images {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 16px;
    }
    .preview {
      height: 96px;
      display: flex;
      align-items: center;
      justify-content: center;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 8px 0;
    }
    .preview img {
      max-height: 88px;
      max-width: 100%;
    }
  `,
  template: `
    <cp-page
      [heading]="'settings.chamber.title' | transloco"
      [subtitle]="'settings.chamber.subtitle' | transloco"
      [state]="state"
      errorsTestId="chamber-errors"
    >
      <form class="card" [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="chamber-form">
        <div class="form-grid">
          @for (f of textFields; track f.name) {
            <mat-form-field [class.wide]="f.wide">
              <mat-label>{{ 'settings.chamber.fields.' + f.name | transloco }}</mat-label>
              <input
                matInput
                [type]="f.type ?? 'text'"
                [formControlName]="f.name"
                [attr.data-testid]="'chamber-' + f.name"
              />
              <mat-error>{{ errorOf(f.name) }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'settings.chamber.fields.certificateDateStyle' | transloco }}</mat-label>
            <mat-select formControlName="certificateDateStyle" data-testid="chamber-certificateDateStyle">
              @for (s of dateStyles; track s) {
                <mat-option [value]="s">{{ example(s) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="chamber-save">
            {{ 'settings.chamber.save' | transloco }}
          </button>
        </div>
      </form>
      <div class="images">
        @for (kind of kinds; track kind) {
          <div class="card" [attr.data-testid]="'chamber-image-' + kind">
            <h2>{{ 'settings.chamber.images.' + kind | transloco }}</h2>
            <p class="cp-muted">{{ 'settings.chamber.images.rules' | transloco }}</p>
            <div class="preview">
              @if (imageUrl(kind); as url) {
                <img [src]="url" [alt]="'settings.chamber.images.' + kind | transloco" />
              } @else {
                <span class="cp-muted">{{ 'settings.chamber.images.none' | transloco }}</span>
              }
            </div>
            <div class="actions">
              <!-- a label that takes focus: Enter or Space opens the file picker, as a click does -->
              <label
                mat-stroked-button
                class="mdc-button mat-mdc-outlined-button"
                tabindex="0"
                role="button"
                (keydown.enter)="$event.preventDefault(); picker.click()"
                (keydown.space)="$event.preventDefault(); picker.click()"
              >
                {{ 'settings.chamber.images.upload' | transloco }}
                <input
                  #picker
                  type="file"
                  hidden
                  [accept]="types"
                  (change)="upload(kind, $event)"
                  [attr.data-testid]="'chamber-upload-' + kind"
                />
              </label>
              @if (imageUrl(kind)) {
                <button mat-button type="button" (click)="remove(kind)" [attr.data-testid]="'chamber-remove-' + kind">
                  {{ 'settings.chamber.images.remove' | transloco }}
                </button>
              }
            </div>
          </div>
        }
      </div>
    </cp-page>
  `,
})
export class ChamberSettingsPage implements OnInit {
  private readonly data = inject(SettingsDataService);
  private readonly chamber = inject(ChamberService);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly dateStyles = CERTIFICATE_DATE_STYLES;
  protected readonly kinds: readonly ChamberImageKind[] = ['logo', 'seal'];
  protected readonly types = CHAMBER_IMAGE_TYPES.join(',');
  /** one request at a time; an API refusal shows beside its field, or on top */
  protected readonly state = new RequestState((error) => this.placeErrors(error));
  protected readonly busy = this.state.busy;
  private readonly profile = signal<ChamberProfile | null>(null);

  protected readonly textFields: { name: Control; type?: string; wide?: boolean }[] = [
    { name: 'nameJa' },
    { name: 'nameEn' },
    { name: 'postalCode' },
    { name: 'phone', type: 'tel' },
    { name: 'addressJa', wide: true },
    { name: 'addressEn', wide: true },
    { name: 'email', type: 'email' },
    { name: 'website', type: 'url' },
    { name: 'presidentTitleJa' },
    { name: 'presidentNameJa' },
    { name: 'presidentTitleEn' },
    { name: 'presidentNameEn' },
  ];

  protected readonly form = this.fb.group({
    nameJa: ['', [Validators.required, Validators.maxLength(100)]],
    nameEn: [''],
    postalCode: [''],
    addressJa: [''],
    addressEn: [''],
    phone: [''],
    email: ['', Validators.email],
    website: [''],
    presidentTitleJa: [''],
    presidentTitleEn: [''],
    presidentNameJa: [''],
    presidentNameEn: [''],
    certificateDateStyle: this.fb.control<CertificateDateStyle>('western'),
  });

  ngOnInit(): void {
    void this.run(async () => this.show(await firstValueFrom(this.data.chamber())));
  }

  protected example(style: CertificateDateStyle): string {
    return `${this.transloco.translate(`settings.chamber.dateStyles.${style}`)}（${japaneseDate(new Date(), style)}）`;
  }

  protected imageUrl(kind: ChamberImageKind): string | null {
    const p = this.profile();
    return kind === 'logo' ? (p?.logoUrl ?? null) : (p?.sealUrl ?? null);
  }

  protected errorOf(field: Control): string {
    const c = this.form.controls[field];
    const server = serverError(c);
    if (server) return server;
    if (c.hasError('required')) return this.transloco.translate('settings.chamber.errors.required');
    if (c.hasError('email')) return this.transloco.translate('settings.chamber.errors.email');
    if (c.hasError('maxlength')) return this.transloco.translate('settings.chamber.errors.tooLong');
    return '';
  }

  protected async save(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    await this.run(async () => {
      const saved = await firstValueFrom(
        this.data.updateChamber({
          name: { ja: v.nameJa, en: v.nameEn },
          postalCode: v.postalCode.trim(),
          address: { ja: v.addressJa, en: v.addressEn },
          phone: v.phone.trim(),
          email: v.email.trim(),
          website: v.website.trim(),
          presidentTitle: { ja: v.presidentTitleJa, en: v.presidentTitleEn },
          presidentName: { ja: v.presidentNameJa, en: v.presidentNameEn },
          certificateDateStyle: v.certificateDateStyle,
        }),
      );
      this.show(saved);
      this.snack.open(this.transloco.translate('settings.chamber.saved'), undefined, { duration: 3000 });
    });
  }

  protected async upload(kind: ChamberImageKind, event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (!(CHAMBER_IMAGE_TYPES as readonly string[]).includes(file.type) || file.size > CHAMBER_IMAGE_MAX_BYTES) {
      this.state.errors.set([this.transloco.translate('settings.chamber.images.rules')]);
      return;
    }
    await this.run(async () => this.show(await firstValueFrom(this.data.uploadImage(kind, file))));
  }

  protected async remove(kind: ChamberImageKind): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.data.deleteImage(kind));
      this.show(await firstValueFrom(this.data.chamber()));
    });
  }

  private show(p: ChamberProfile): void {
    this.profile.set(p);
    this.chamber.set(p);
    this.form.reset({
      nameJa: p.name.ja,
      nameEn: p.name.en,
      postalCode: p.postalCode,
      addressJa: p.address.ja,
      addressEn: p.address.en,
      phone: p.phone,
      email: p.email,
      website: p.website,
      presidentTitleJa: p.presidentTitle.ja,
      presidentTitleEn: p.presidentTitle.en,
      presidentNameJa: p.presidentName.ja,
      presidentNameEn: p.presidentName.en,
      certificateDateStyle: p.certificateDateStyle,
    });
  }

  private run(task: () => Promise<void>): Promise<void> {
    return this.state.run(task);
  }

  private placeErrors(error: unknown): string[] {
    const body = apiErrorOf(error);
    if (!body) return [this.transloco.translate('settings.chamber.errors.save')];
    return placeFieldErrors(body, (field) => {
      const control = (FIELDS as Record<string, Control | undefined>)[field];
      return control ? this.form.controls[control] : null;
    });
  }
}
