import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ExamSitting, ExamType } from '@chamber/contracts';
import { MEMBER_ROLES, STAFF_ROLES } from '@chamber/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { ExamFormatService } from './exam-format.service';
import { canApply, groupByMonth, tokyoToday } from './exam-rules';
import { ExamsDataService } from './exams-data.service';

/** The exam calendar anyone can open (no sign-in): upcoming sittings by month, phone first. */
@Component({
  selector: 'cp-exam-calendar-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
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
          <h1>{{ 'exams.calendar.title' | transloco }}</h1>
          <p class="cp-subtitle">{{ 'exams.calendar.lead' | transloco }}</p>
        </div>
        <div class="actions">
          @if (isMember()) {
            <a mat-stroked-button routerLink="/exams/mine" data-testid="exams-mine-link">
              {{ 'exams.mine.title' | transloco }}
            </a>
          }
          @if (isStaff()) {
            <a mat-flat-button routerLink="/exams/manage" data-testid="exams-manage-link">
              {{ 'exams.manage.title' | transloco }}
            </a>
          }
        </div>
      </header>

      <div class="cp-filters">
        <mat-form-field>
          <mat-label>{{ 'exams.calendar.filter' | transloco }}</mat-label>
          <mat-select [value]="examCode()" (selectionChange)="examCode.set($event.value)" data-testid="exam-filter">
            <mat-option value="">{{ 'exams.calendar.allExams' | transloco }}</mat-option>
            @for (t of types(); track t.code) {
              <mat-option [value]="t.code">{{ language.pick(t.name) }}</mat-option>
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

      @for (group of months(); track group.month) {
        <h2 class="month">{{ format.month(group.month) }}</h2>
        <ul class="sittings">
          @for (s of group.sittings; track s.id) {
            <li class="sitting" data-testid="exam-sitting" [attr.data-sitting-id]="s.id">
              <div class="head">
                <span class="name">{{ format.examName(s) }}</span>
                @if (s.audience === 'members') {
                  <span class="badge">{{ 'exams.audience.members' | transloco }}</span>
                }
              </div>
              <dl>
                <div>
                  <dt>{{ 'exams.fields.date' | transloco }}</dt>
                  <dd>{{ format.date(s.startsAt) }} {{ format.timeOf(s.startsAt) }}</dd>
                </div>
                <div>
                  <dt>{{ 'exams.fields.venue' | transloco }}</dt>
                  <dd>{{ s.venue }}</dd>
                </div>
                <div>
                  <dt>{{ 'exams.fields.fee' | transloco }}</dt>
                  <dd>{{ format.fee(s.fee) }}</dd>
                </div>
                <div>
                  <dt>{{ 'exams.fields.closes' | transloco }}</dt>
                  <dd>{{ format.dateTime(s.applicationClosesAt) }}</dd>
                </div>
                <div>
                  <dt>{{ 'exams.fields.seats' | transloco }}</dt>
                  <dd>{{ 'exams.calendar.seats' | transloco: { left: s.seatsLeft, capacity: s.capacity } }}</dd>
                </div>
              </dl>
              <div class="foot">
                @if (canApply(s)) {
                  <a mat-flat-button [routerLink]="['/exams', s.id, 'apply']" data-testid="apply-button">
                    {{ 'exams.calendar.apply' | transloco }}
                  </a>
                } @else if (s.open && s.audience === 'members') {
                  <a mat-stroked-button routerLink="/login" [queryParams]="{ returnUrl: '/exams/' + s.id + '/apply' }">
                    {{ 'exams.calendar.signInToApply' | transloco }}
                  </a>
                } @else {
                  <span class="closed">
                    {{ (s.seatsLeft === 0 ? 'exams.calendar.full' : 'exams.calendar.closed') | transloco }}
                  </span>
                }
              </div>
            </li>
          }
        </ul>
      } @empty {
        @if (!loading() && !error()) {
          <p class="empty cp-muted">{{ 'exams.calendar.none' | transloco }}</p>
        }
      }
    </section>
  `,
  styles: `
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .month {
      font: var(--mat-sys-title-medium);
      margin: 20px 0 8px;
      padding-bottom: 4px;
      border-bottom: 2px solid var(--mat-sys-primary);
    }
    .sittings {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      gap: 12px;
    }
    .sitting {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 14px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .name {
      font: var(--mat-sys-title-medium);
      font-weight: 700;
    }
    .badge {
      font: var(--mat-sys-label-small);
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    dl {
      margin: 0;
      display: grid;
      gap: 2px;
    }
    dl div {
      display: grid;
      grid-template-columns: 6.5em 1fr;
      gap: 8px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .foot {
      margin-top: auto;
      display: flex;
      justify-content: flex-end;
    }
    .foot a {
      min-height: 44px;
    }
    .closed {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .empty {
      padding: 32px;
      text-align: center;
    }
    @media (max-width: 600px) {
      .sittings {
        grid-template-columns: 1fr;
      }
      .foot a {
        width: 100%;
      }
    }
  `,
})
export class ExamCalendarPage implements OnInit {
  private readonly data = inject(ExamsDataService);
  private readonly auth = inject(AuthService);
  protected readonly format = inject(ExamFormatService);
  protected readonly language = inject(LanguageService);

  protected readonly types = signal<ExamType[]>([]);
  protected readonly sittings = signal<ExamSitting[]>([]);
  protected readonly examCode = signal('');
  protected readonly loading = signal(true);
  protected readonly error = signal(false);

  protected readonly isMember = computed(() => this.auth.hasRole(MEMBER_ROLES));
  protected readonly isStaff = computed(() => this.auth.hasRole(STAFF_ROLES));
  protected readonly months = computed(() => {
    const code = this.examCode();
    return groupByMonth(this.sittings().filter((s) => !code || s.exam.code === code));
  });

  ngOnInit(): void {
    void this.load();
  }

  protected canApply(s: ExamSitting): boolean {
    return canApply(s, this.auth.signedIn());
  }

  private async load(): Promise<void> {
    try {
      const [types, sittings] = await Promise.all([
        firstValueFrom(this.data.types()),
        firstValueFrom(this.data.sittings({ from: tokyoToday() })),
      ]);
      this.types.set(types);
      this.sittings.set(sittings);
    } catch {
      this.error.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
