import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SUGGESTION_CATEGORIES, SUGGESTION_STATUSES } from '@chamber/contracts';
import type {
  StaffSuggestionView,
  SuggestionCategory,
  SuggestionListQuery,
  SuggestionStats,
  SuggestionStatus,
} from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { EMPTY, catchError, debounceTime, switchMap, tap } from 'rxjs';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { SuggestionStatsComponent } from './suggestion-stats.component';
import { SuggestionsDataService } from './suggestions-data.service';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

const AGES = [7, 14, 30, 60, 90] as const;

/** Staff inbox: filter by status, category, age and words; the FY's figures on top; CSV of the same view. */
@Component({
  selector: 'cp-suggestion-inbox-page',
  imports: [
    ScrollRegionDirective,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
    SuggestionStatsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="top">
      <p class="cp-muted lead">{{ 'suggestions.inbox.lead' | transloco }}</p>
      <mat-form-field class="fy">
        <mat-label>{{ 'suggestions.detail.fiscalYear' | transloco }}</mat-label>
        <mat-select [value]="fiscalYear()" (selectionChange)="fiscalYear.set($event.value)" data-testid="stats-fy">
          @for (fy of fiscalYears; track fy) {
            <mat-option [value]="fy">{{ prefs.fiscalYear(fy) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (stats(); as s) {
      <cp-suggestion-stats [stats]="s" />
    }

    <div class="cp-filters">
      <mat-form-field>
        <mat-label>{{ 'suggestions.status.label' | transloco }}</mat-label>
        <mat-select [value]="status()" (selectionChange)="status.set($event.value)" data-testid="filter-status">
          <mat-option [value]="null">{{ 'suggestions.status.all' | transloco }}</mat-option>
          @for (st of statuses; track st) {
            <mat-option [value]="st">{{ 'suggestions.status.' + st | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'suggestions.category.label' | transloco }}</mat-label>
        <mat-select [value]="category()" (selectionChange)="category.set($event.value)" data-testid="filter-category">
          <mat-option [value]="null">{{ 'suggestions.category.all' | transloco }}</mat-option>
          @for (c of categories; track c) {
            <mat-option [value]="c">{{ 'suggestions.category.' + c | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'suggestions.inbox.age' | transloco }}</mat-label>
        <mat-select
          [value]="olderThanDays()"
          (selectionChange)="olderThanDays.set($event.value)"
          data-testid="filter-age"
        >
          <mat-option [value]="null">{{ 'suggestions.inbox.ageAny' | transloco }}</mat-option>
          @for (d of ages; track d) {
            <mat-option [value]="d">{{ 'suggestions.inbox.ageOver' | transloco: { days: d } }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field class="search">
        <mat-label>{{ 'suggestions.inbox.q' | transloco }}</mat-label>
        <mat-icon matPrefix svgIcon="search" />
        <input matInput type="search" [value]="q()" (input)="onQuery($event)" data-testid="filter-q" />
      </mat-form-field>
      <span class="cp-spacer"></span>
      <a mat-stroked-button [href]="csvUrl()" download data-testid="inbox-csv">{{
        'suggestions.inbox.csv' | transloco
      }}</a>
    </div>

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="cp-error-list" role="alert">{{ 'suggestions.errors.load' | transloco }}</p>
    }
    <p class="cp-muted count" aria-live="polite">
      {{ 'suggestions.inbox.count' | transloco: { count: items().length } }}
    </p>

    <div class="table-wrap">
      <table class="table" data-testid="inbox-table">
        <thead>
          <tr>
            <th>{{ 'suggestions.inbox.columns.received' | transloco }}</th>
            <th>{{ 'suggestions.inbox.columns.category' | transloco }}</th>
            <th class="body-col">{{ 'suggestions.inbox.columns.body' | transloco }}</th>
            <th>{{ 'suggestions.inbox.columns.poster' | transloco }}</th>
            <th>{{ 'suggestions.inbox.columns.status' | transloco }}</th>
            <th>{{ 'suggestions.inbox.columns.division' | transloco }}</th>
            <th class="num">{{ 'suggestions.inbox.columns.age' | transloco }}</th>
            <th>
              <span class="cp-visually-hidden">{{ 'suggestions.inbox.open' | transloco }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (s of items(); track s.id) {
            <tr [attr.data-suggestion-id]="s.id" data-testid="inbox-row">
              <td class="nowrap" [attr.data-label]="'suggestions.inbox.columns.received' | transloco">
                {{ prefs.formatDate(s.createdAt) }}
              </td>
              <td class="nowrap" [attr.data-label]="'suggestions.inbox.columns.category' | transloco">
                {{ 'suggestions.category.' + s.category | transloco }}
              </td>
              <td class="body-col">
                <span class="excerpt">{{ s.body }}</span>
              </td>
              <td [attr.data-label]="'suggestions.inbox.columns.poster' | transloco">
                @if (s.poster; as p) {
                  <span>{{ p.name }}</span>
                  @if (p.memberName) {
                    <span class="cp-muted small">{{ p.memberName }}</span>
                  }
                } @else {
                  <span class="cp-muted">{{ 'suggestions.inbox.anonymous' | transloco }}</span>
                }
              </td>
              <td class="nowrap" [attr.data-label]="'suggestions.inbox.columns.status' | transloco">
                <span class="status" [class]="'status-' + s.status">{{
                  'suggestions.status.' + s.status | transloco
                }}</span>
              </td>
              <td [attr.data-label]="'suggestions.inbox.columns.division' | transloco">
                {{ s.division ?? '' }}{{ s.assignee ? ' / ' + s.assignee.name : '' }}
              </td>
              <td class="num nowrap" [attr.data-label]="'suggestions.inbox.columns.age' | transloco">
                {{ 'suggestions.inbox.days' | transloco: { days: s.ageDays } }}
              </td>
              <td class="open">
                <a mat-button [routerLink]="[s.id]" data-testid="inbox-open">{{
                  'suggestions.inbox.open' | transloco
                }}</a>
              </td>
            </tr>
          } @empty {
            @if (!loading()) {
              <tr>
                <td colspan="8" class="empty cp-muted">{{ 'suggestions.inbox.empty' | transloco }}</td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .lead {
      margin: 0;
    }
    .fy {
      width: 180px;
    }
    .search {
      flex: 1 1 220px;
    }
    .count {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .body-col {
      min-width: 240px;
      max-width: 480px;
    }
    .excerpt {
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .small {
      display: block;
      font: var(--mat-sys-body-small);
    }
    .nowrap {
      white-space: nowrap;
    }
    .num {
      text-align: right;
    }
    .status {
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
    }
    .status-answered {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .status-in_review {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .empty {
      text-align: center;
      padding: 32px;
    }
    /* a phone: each suggestion a card (the table was 740–828 px wide, its 対応する link off-screen) */
    @media (max-width: 700px) {
      .table thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .table,
      .table tbody,
      .table tr {
        display: block;
      }
      .table tr {
        padding: 10px 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .table td {
        display: flex;
        flex-wrap: wrap;
        gap: 0 12px;
        border: none;
        padding: 2px 0;
        white-space: normal;
      }
      .table td[data-label]::before {
        content: attr(data-label);
        flex: 0 0 5.5em;
        color: var(--mat-sys-on-surface-variant);
        font: var(--mat-sys-label-medium);
      }
      .table td.body-col {
        display: block;
        min-width: 0;
        max-width: none;
        padding: 6px 0;
      }
      .table td.num {
        text-align: left;
      }
      .table td.open {
        justify-content: flex-end;
      }
    }
  `,
})
export class SuggestionInboxPage {
  private readonly data = inject(SuggestionsDataService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly statuses = SUGGESTION_STATUSES;
  protected readonly categories = SUGGESTION_CATEGORIES;
  protected readonly ages = AGES;
  protected readonly fiscalYears = Array.from({ length: 4 }, (_, i) => currentFiscalYear() - i);

  protected readonly fiscalYear = signal(currentFiscalYear());
  protected readonly status = signal<SuggestionStatus | null>(null);
  protected readonly category = signal<SuggestionCategory | null>(null);
  protected readonly olderThanDays = signal<number | null>(null);
  protected readonly q = signal('');

  protected readonly items = signal<StaffSuggestionView[]>([]);
  protected readonly stats = signal<SuggestionStats | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);

  private readonly query = computed<SuggestionListQuery>(() => ({
    status: this.status() ?? undefined,
    category: this.category() ?? undefined,
    olderThanDays: this.olderThanDays() ?? undefined,
    q: this.q().trim() || undefined,
  }));
  protected readonly csvUrl = computed(() => this.data.csvUrl(this.query()));

  constructor() {
    toObservable(this.query)
      .pipe(
        debounceTime(200),
        tap(() => {
          this.loading.set(true);
          this.error.set(false);
        }),
        switchMap((query) =>
          this.data.inbox(query).pipe(
            catchError(() => {
              this.error.set(true);
              this.loading.set(false);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((items) => {
        this.items.set(items);
        this.loading.set(false);
      });

    toObservable(this.fiscalYear)
      .pipe(
        switchMap((fy) => this.data.stats(fy).pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((stats) => this.stats.set(stats));
  }

  protected onQuery(event: Event): void {
    this.q.set((event.target as HTMLInputElement).value);
  }
}
