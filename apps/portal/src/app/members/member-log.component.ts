import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CONSULTATION_KINDS } from '@chamber/contracts';
import type { Consultation, ConsultationKind, Visit } from '@chamber/contracts';
import { tokyoDate } from '@chamber/domain';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialog, type ConfirmData } from '../core/confirm.dialog';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { kindLabel } from './member-labels';
import { MembersDataService } from './members-data.service';
import { readableError, showReadableFields } from '../core/http';
import { ScrollRegionDirective } from '../core/scroll-region.directive';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

const CONSULTATION_FIELDS = ['kind', 'date', 'summary', 'followUpOn'] as const;
const VISIT_FIELDS = ['date', 'note'] as const;

/** The company's consultation log (経営指導) and visits (巡回訪問), with forms for staff. */
@Component({
  selector: 'cp-member-log',
  imports: [
    FocusInvalidDirective,
    ScrollRegionDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <section class="card" data-testid="member-consultations">
      <h2>
        {{ 'members.log.consultations' | transloco }}
        <span class="cp-spacer"></span>
        @if (canWrite() && !addingConsultation()) {
          <button
            mat-stroked-button
            type="button"
            (click)="addingConsultation.set(true)"
            data-testid="consultation-add"
          >
            <mat-icon svgIcon="add" />
            {{ 'members.log.addConsultation' | transloco }}
          </button>
        }
      </h2>
      @if (addingConsultation()) {
        <form
          class="sub"
          [formGroup]="consultationForm"
          (ngSubmit)="saveConsultation()"
          novalidate
          data-testid="consultation-form"
        >
          <div class="form-grid">
            <mat-form-field>
              <mat-label>{{ 'members.log.kind' | transloco }}</mat-label>
              <mat-select formControlName="kind" data-testid="consultation-kind">
                @for (k of kinds; track k) {
                  <mat-option [value]="k">{{ kind(k) }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ cErrors()['kind'] ?? ('members.errors.required' | transloco) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'members.log.date' | transloco }}</mat-label>
              <input matInput type="date" formControlName="date" data-testid="consultation-date" />
              <mat-error>{{ cErrors()['date'] ?? ('members.errors.required' | transloco) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'members.log.followUpOn' | transloco }}</mat-label>
              <input matInput type="date" formControlName="followUpOn" />
              <mat-error>{{ cErrors()['followUpOn'] }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'members.log.summary' | transloco }}</mat-label>
              <textarea matInput rows="3" formControlName="summary" data-testid="consultation-summary"></textarea>
              <mat-error>{{ cErrors()['summary'] ?? ('members.errors.required' | transloco) }}</mat-error>
            </mat-form-field>
          </div>
          @for (m of cGeneral(); track $index) {
            <p class="field-error" role="alert">{{ m }}</p>
          }
          <div class="actions">
            <button mat-button type="button" (click)="addingConsultation.set(false)">
              {{ 'common.cancel' | transloco }}
            </button>
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="consultation-save">
              {{ 'members.form.save' | transloco }}
            </button>
          </div>
        </form>
      }
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th>{{ 'members.log.date' | transloco }}</th>
              <th>{{ 'members.log.kind' | transloco }}</th>
              <th>{{ 'members.log.summary' | transloco }}</th>
              <th>{{ 'members.log.staff' | transloco }}</th>
              <th>{{ 'members.log.followUpOn' | transloco }}</th>
              @if (canWrite()) {
                <th>
                  <span class="cp-visually-hidden">{{ 'members.log.delete' | transloco }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (c of consultations(); track c.id) {
              <tr>
                <td class="num">{{ prefs.formatDate(c.date) }}</td>
                <td>{{ kind(c.kind) }}</td>
                <td class="summary">{{ c.summary }}</td>
                <td>{{ c.staffName ?? '—' }}</td>
                <td class="num">{{ c.followUpOn ? prefs.formatDate(c.followUpOn) : '—' }}</td>
                @if (canWrite()) {
                  <td>
                    <button
                      mat-icon-button
                      type="button"
                      [disabled]="busy()"
                      (click)="remove('consultation', c.id)"
                      [attr.aria-label]="'members.log.delete' | transloco"
                      data-testid="consultation-delete"
                    >
                      <mat-icon svgIcon="delete" />
                    </button>
                  </td>
                }
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="canWrite() ? 6 : 5" class="empty">
                  {{ 'members.log.noConsultations' | transloco }}
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>

    <section class="card" data-testid="member-visits">
      <h2>
        {{ 'members.log.visits' | transloco }}
        <span class="cp-spacer"></span>
        @if (canWrite() && !addingVisit()) {
          <button mat-stroked-button type="button" (click)="addingVisit.set(true)" data-testid="visit-add">
            <mat-icon svgIcon="add" />
            {{ 'members.log.addVisit' | transloco }}
          </button>
        }
      </h2>
      @if (addingVisit()) {
        <form class="sub" [formGroup]="visitForm" (ngSubmit)="saveVisit()" novalidate data-testid="visit-form">
          <div class="form-grid">
            <mat-form-field>
              <mat-label>{{ 'members.log.date' | transloco }}</mat-label>
              <input matInput type="date" formControlName="date" />
              <mat-error>{{ vErrors()['date'] ?? ('members.errors.required' | transloco) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'members.log.note' | transloco }}</mat-label>
              <textarea matInput rows="2" formControlName="note"></textarea>
              <mat-error>{{ vErrors()['note'] }}</mat-error>
            </mat-form-field>
          </div>
          @for (m of vGeneral(); track $index) {
            <p class="field-error" role="alert">{{ m }}</p>
          }
          <div class="actions">
            <button mat-button type="button" (click)="addingVisit.set(false)">{{ 'common.cancel' | transloco }}</button>
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'members.form.save' | transloco }}</button>
          </div>
        </form>
      }
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th>{{ 'members.log.date' | transloco }}</th>
              <th>{{ 'members.log.note' | transloco }}</th>
              <th>{{ 'members.log.staff' | transloco }}</th>
              @if (canWrite()) {
                <th>
                  <span class="cp-visually-hidden">{{ 'members.log.delete' | transloco }}</span>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (v of visits(); track v.id) {
              <tr>
                <td class="num">{{ prefs.formatDate(v.date) }}</td>
                <td class="summary">{{ v.note }}</td>
                <td>{{ v.staffName ?? '—' }}</td>
                @if (canWrite()) {
                  <td>
                    <button
                      mat-icon-button
                      type="button"
                      [disabled]="busy()"
                      (click)="remove('visit', v.id)"
                      [attr.aria-label]="'members.log.delete' | transloco"
                      data-testid="visit-delete"
                    >
                      <mat-icon svgIcon="delete" />
                    </button>
                  </td>
                }
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="canWrite() ? 4 : 3" class="empty">{{ 'members.log.noVisits' | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styles: `
    .sub {
      margin-bottom: 16px;
    }
    .summary {
      white-space: pre-wrap;
      min-width: 240px;
    }
  `,
})
export class MemberLogComponent {
  readonly memberId = input.required<string>();
  readonly consultations = input<Consultation[]>([]);
  readonly visits = input<Visit[]>([]);
  readonly canWrite = input(false);
  readonly changed = output<void>();

  private readonly data = inject(MembersDataService);
  private readonly transloco = inject(TranslocoService);
  private readonly snack = inject(MatSnackBar);
  private readonly language = inject(LanguageService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly dialog = inject(MatDialog);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly kinds = CONSULTATION_KINDS;
  protected readonly addingConsultation = signal(false);
  protected readonly addingVisit = signal(false);
  protected readonly busy = signal(false);
  protected readonly cErrors = signal<Partial<Record<string, string>>>({});
  protected readonly cGeneral = signal<string[]>([]);
  protected readonly vErrors = signal<Partial<Record<string, string>>>({});
  protected readonly vGeneral = signal<string[]>([]);

  protected readonly consultationForm = this.fb.group({
    kind: this.fb.control<ConsultationKind | ''>('guidance', Validators.required),
    date: [tokyoDate(new Date()), Validators.required],
    summary: ['', [Validators.required, Validators.maxLength(4000)]],
    followUpOn: [''],
  });

  protected readonly visitForm = this.fb.group({
    date: [tokyoDate(new Date()), Validators.required],
    note: ['', Validators.maxLength(4000)],
  });

  protected kind(k: ConsultationKind): string {
    return kindLabel(k, (t) => this.language.pick(t));
  }

  protected async saveConsultation(): Promise<void> {
    this.cErrors.set({});
    this.cGeneral.set([]);
    if (this.consultationForm.invalid) {
      this.consultationForm.markAllAsTouched();
      return;
    }
    const v = this.consultationForm.getRawValue();
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.data.addConsultation(this.memberId(), {
          kind: v.kind as ConsultationKind,
          date: v.date,
          summary: v.summary.trim(),
          followUpOn: v.followUpOn || null,
        }),
      );
      this.consultationForm.reset({ kind: 'guidance', date: tokyoDate(new Date()), summary: '', followUpOn: '' });
      this.addingConsultation.set(false);
      this.snack.open(this.transloco.translate('members.log.saved'), undefined, { duration: 3000 });
      this.changed.emit();
    } catch (error: unknown) {
      const r = readableError(error, CONSULTATION_FIELDS, this.transloco.translate('members.errors.save'));
      this.cErrors.set(r.fields);
      showReadableFields(
        r.fields,
        (field) => this.consultationForm.controls[field as (typeof CONSULTATION_FIELDS)[number]],
      );
      this.cGeneral.set(r.general);
    } finally {
      this.busy.set(false);
    }
  }

  protected async saveVisit(): Promise<void> {
    this.vErrors.set({});
    this.vGeneral.set([]);
    if (this.visitForm.invalid) {
      this.visitForm.markAllAsTouched();
      return;
    }
    const v = this.visitForm.getRawValue();
    this.busy.set(true);
    try {
      await firstValueFrom(this.data.addVisit(this.memberId(), { date: v.date, note: v.note.trim() }));
      this.visitForm.reset({ date: tokyoDate(new Date()), note: '' });
      this.addingVisit.set(false);
      this.snack.open(this.transloco.translate('members.log.saved'), undefined, { duration: 3000 });
      this.changed.emit();
    } catch (error: unknown) {
      const r = readableError(error, VISIT_FIELDS, this.transloco.translate('members.errors.save'));
      this.vErrors.set(r.fields);
      showReadableFields(r.fields, (field) => this.visitForm.controls[field as (typeof VISIT_FIELDS)[number]]);
      this.vGeneral.set(r.general);
    } finally {
      this.busy.set(false);
    }
  }

  /** Deletes an entry made by mistake, after asking: the server reverses its counts. */
  protected async remove(what: 'consultation' | 'visit', id: string): Promise<void> {
    const t = (key: string) => this.transloco.translate(key);
    const data: ConfirmData = {
      title: t('members.log.deleteTitle'),
      message: t('members.log.deleteMessage'),
      confirm: t('members.log.delete'),
      cancel: t('common.cancel'),
      danger: true,
    };
    const confirmed = await firstValueFrom(
      this.dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data }).afterClosed(),
    );
    if (!confirmed) return;
    this.busy.set(true);
    try {
      await firstValueFrom(what === 'consultation' ? this.data.deleteConsultation(id) : this.data.deleteVisit(id));
      this.snack.open(t('members.log.deleted'), undefined, { duration: 3000 });
      this.changed.emit();
    } catch (error: unknown) {
      const r = readableError(error, [], t('members.errors.save'));
      this.snack.open(r.general.join(' ') || t('members.errors.save'), undefined, { duration: 5000 });
    } finally {
      this.busy.set(false);
    }
  }
}
