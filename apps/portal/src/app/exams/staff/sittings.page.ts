import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ExamSitting, ExamStatsRow } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DisplayPrefsService } from '../../core/display-prefs.service';
import { LanguageService } from '../../core/language.service';
import { ExamFormatService } from '../exam-format.service';
import { formatRate } from '../exam-rules';
import { ExamsDataService } from '../exams-data.service';
import { ScrollRegionDirective } from '../../core/scroll-region.directive';

/** Staff: the sittings of a fiscal year, with their applications, and pass rates per exam and grade. */
@Component({
  selector: 'cp-exam-sittings-page',
  imports: [
    ScrollRegionDirective,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'exams.manage.title' | transloco }}</h1>
          <p class="cp-subtitle">{{ 'exams.manage.lead' | transloco }}</p>
        </div>
        <div class="actions">
          <a mat-stroked-button routerLink="/exams">{{ 'exams.calendar.title' | transloco }}</a>
          <a mat-flat-button routerLink="/exams/manage/new" data-testid="sitting-new">{{
            'exams.manage.new' | transloco
          }}</a>
        </div>
      </header>
      <div class="cp-filters">
        <mat-form-field>
          <mat-label>{{ 'exams.manage.fiscalYear' | transloco }}</mat-label>
          <mat-select [value]="fiscalYear()" (selectionChange)="fiscalYear.set($event.value)">
            @for (fy of years; track fy) {
              <mat-option [value]="fy">{{ prefs.fiscalYear(fy) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (error()) {
        <p class="cp-error-list" role="alert">{{ 'common.loadError' | transloco }}</p>
      }

      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th>{{ 'exams.fields.code' | transloco }}</th>
              <th>{{ 'exams.fields.exam' | transloco }}</th>
              <th>{{ 'exams.fields.date' | transloco }}</th>
              <th>{{ 'exams.fields.audience' | transloco }}</th>
              <th class="num">{{ 'exams.fields.applications' | transloco }}</th>
              <th>{{ 'exams.fields.closes' | transloco }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (s of sittings(); track s.id) {
              <tr data-testid="staff-sitting">
                <td class="mono">{{ s.code }}</td>
                <td>{{ format.examName(s) }}</td>
                <td>{{ format.date(s.startsAt) }} {{ format.timeOf(s.startsAt) }}</td>
                <td>{{ 'exams.audience.' + s.audience | transloco }}</td>
                <td class="num">{{ s.applicationsCount }} / {{ s.capacity }}</td>
                <td>{{ format.dateTime(s.applicationClosesAt) }}</td>
                <td class="links">
                  <a mat-button [routerLink]="['/exams/manage', s.id]">{{ 'exams.manage.applicants' | transloco }}</a>
                  <a mat-button [routerLink]="['/exams/manage', s.id, 'edit']">{{ 'exams.manage.edit' | transloco }}</a>
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="7" class="cp-muted empty">{{ 'exams.manage.none' | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>

      <h2>{{ 'exams.stats.title' | transloco }}</h2>
      <div class="table-wrap">
        <table class="table" data-testid="exam-stats">
          <thead>
            <tr>
              <th>{{ 'exams.fields.exam' | transloco }}</th>
              <th class="num">{{ 'exams.stats.sittings' | transloco }}</th>
              <th class="num">{{ 'exams.stats.applicants' | transloco }}</th>
              <th class="num">{{ 'exams.stats.sat' | transloco }}</th>
              <th class="num">{{ 'exams.stats.passed' | transloco }}</th>
              <th class="num">{{ 'exams.stats.absent' | transloco }}</th>
              <th class="num">{{ 'exams.stats.passRate' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of stats(); track r.examCode + r.grade) {
              <tr>
                <td>{{ language.pick(r.examName) }} {{ language.pick(r.gradeName) }}</td>
                <td class="num">{{ r.sittings }}</td>
                <td class="num">{{ r.applicants }}</td>
                <td class="num">{{ r.sat }}</td>
                <td class="num">{{ r.passed }}</td>
                <td class="num">{{ r.absent }}</td>
                <td class="num">{{ rate(r.passRate) }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="7" class="cp-muted empty">{{ 'exams.stats.none' | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styleUrl: './staff-tables.scss',
})
export class ExamSittingsPage {
  private readonly data = inject(ExamsDataService);
  protected readonly format = inject(ExamFormatService);
  protected readonly prefs = inject(DisplayPrefsService);
  protected readonly language = inject(LanguageService);

  protected readonly years = Array.from({ length: 10 }, (_, i) => currentFiscalYear() + 1 - i);
  protected readonly fiscalYear = signal(currentFiscalYear());
  protected readonly sittings = signal<ExamSitting[]>([]);
  protected readonly stats = signal<ExamStatsRow[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal(false);
  protected readonly rate = formatRate;

  constructor() {
    effect(() => void this.load(this.fiscalYear()));
  }

  private async load(fiscalYear: number): Promise<void> {
    this.loading.set(true);
    this.error.set(false);
    try {
      const [sittings, stats] = await Promise.all([
        firstValueFrom(this.data.sittings({ fiscalYear })),
        firstValueFrom(this.data.stats(fiscalYear)),
      ]);
      this.sittings.set(sittings);
      this.stats.set(stats);
    } catch {
      this.error.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
