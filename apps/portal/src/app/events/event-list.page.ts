import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  CHAMBER_ROLES,
  EVENT_KINDS,
  MEMBER_ROLES,
  STAFF_ROLES,
  type EventKind,
  type EventSummary,
} from '@chamber/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, map, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { EventCalendarComponent } from './event-calendar.component';
import { EventFormatService } from './event-format.service';
import { EventSeatsComponent } from './event-seats.component';
import { isMonth, monthRange, shiftMonth, tokyoDateKey, tokyoMonth } from './event-time';
import { EventsDataService } from './events-data.service';

type View = 'upcoming' | 'list' | 'calendar';

/** How many of the next events the default view shows. */
const UPCOMING_LIMIT = 30;

function isKind(value: string | undefined): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value ?? '');
}

/**
 * The next events (default), or the events of a month as a list or a calendar, filtered by kind;
 * the filters live in the URL.
 */
@Component({
  selector: 'cp-event-list-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
    EventCalendarComponent,
    EventSeatsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'events.list.title' | transloco }}</h1>
          <p class="cp-subtitle">{{ 'events.list.lead' | transloco }}</p>
        </div>
        <div class="actions">
          @if (isMember()) {
            <a mat-stroked-button routerLink="/events/mine" data-testid="my-registrations-link">
              {{ 'events.mine.title' | transloco }}
            </a>
          }
          @if (isStaff()) {
            <a mat-flat-button routerLink="/events/new" data-testid="new-event">
              <mat-icon svgIcon="add" />
              {{ 'events.form.createTitle' | transloco }}
            </a>
          }
        </div>
      </header>

      <div class="cp-filters toolbar">
        <mat-form-field class="kind">
          <mat-label>{{ 'events.fields.kind' | transloco }}</mat-label>
          <mat-select [value]="kindValue()" (selectionChange)="go({ kind: $event.value })" data-testid="kind-filter">
            <mat-option [value]="null">{{ 'events.list.allKinds' | transloco }}</mat-option>
            @for (k of kinds; track k) {
              <mat-option [value]="k">{{ 'events.kind.' + k | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>

        @if (viewValue() !== 'upcoming') {
          <div class="month" role="group" [attr.aria-label]="'events.list.month' | transloco">
            <button
              mat-icon-button
              type="button"
              (click)="go({ month: shift(-1) })"
              [attr.aria-label]="'events.list.prevMonth' | transloco"
              data-testid="prev-month"
            >
              <span aria-hidden="true" class="arrow">‹</span>
            </button>
            <span class="month-label" data-testid="month-label">{{ format.month(monthValue()) }}</span>
            <button
              mat-icon-button
              type="button"
              (click)="go({ month: shift(1) })"
              [attr.aria-label]="'events.list.nextMonth' | transloco"
              data-testid="next-month"
            >
              <span aria-hidden="true" class="arrow">›</span>
            </button>
            <button mat-button type="button" (click)="go({ month: thisMonth })">
              {{ 'events.list.thisMonth' | transloco }}
            </button>
          </div>
        }

        <span class="cp-spacer"></span>
        <mat-button-toggle-group
          [value]="viewValue()"
          (change)="go({ view: $event.value })"
          hideSingleSelectionIndicator
          [attr.aria-label]="'events.list.view' | transloco"
        >
          <mat-button-toggle value="upcoming" data-testid="view-upcoming">{{
            'events.list.asUpcoming' | transloco
          }}</mat-button-toggle>
          <mat-button-toggle value="list" data-testid="view-list">{{
            'events.list.asList' | transloco
          }}</mat-button-toggle>
          <mat-button-toggle value="calendar" data-testid="view-calendar">
            <mat-icon svgIcon="calendar" />
            {{ 'events.list.asCalendar' | transloco }}
          </mat-button-toggle>
        </mat-button-toggle-group>
      </div>

      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (error()) {
        <p class="cp-error-list" role="alert">{{ 'events.errors.load' | transloco }}</p>
      }

      @if (viewValue() === 'calendar') {
        <cp-event-calendar [month]="monthValue()" [events]="events()" />
      } @else {
        <ul class="list" data-testid="event-list">
          @for (e of events(); track e.id) {
            <li class="item" [class.cancelled]="e.status === 'cancelled'" [attr.data-event-id]="e.id">
              <div class="date">
                <span class="d">{{ format.day(e.startsAt) }}</span>
                <span class="t">{{ format.time(e.startsAt) }}</span>
              </div>
              <div class="body">
                <div class="meta">
                  <span class="kind-chip">{{ 'events.kind.' + e.kind | transloco }}</span>
                  @if (e.audience && e.audience !== 'members') {
                    <span class="kind-chip audience">{{ 'events.audience.' + e.audience | transloco }}</span>
                  }
                  @if (e.status === 'held') {
                    <span class="kind-chip held">{{ 'events.status.held' | transloco }}</span>
                  }
                  @if (isChamber()) {
                    <span class="code cp-muted" data-testid="event-action-item">{{ e.actionItemCode }}</span>
                  }
                </div>
                <a class="title" [routerLink]="['/events', e.id]" data-testid="event-link">{{
                  language.pick(e.title)
                }}</a>
                @if (e.venue) {
                  <div class="venue cp-muted">{{ e.venue }}</div>
                }
              </div>
              <div class="seats"><cp-event-seats [event]="e" /></div>
            </li>
          } @empty {
            @if (!loading()) {
              <li class="empty" data-testid="event-list-empty">
                {{ (viewValue() === 'upcoming' ? 'events.list.emptyUpcoming' : 'events.list.empty') | transloco }}
              </li>
            }
          }
        </ul>
        @if (viewValue() === 'upcoming' && more()) {
          <p class="more cp-muted" data-testid="upcoming-more">
            {{ 'events.list.moreUpcoming' | transloco: { count: events().length } }}
          </p>
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
    .toolbar {
      align-items: center;
    }
    .kind {
      max-width: 260px;
    }
    .month {
      display: flex;
      align-items: center;
      gap: 4px;
      min-height: 56px;
    }
    .arrow {
      font-size: 26px;
      line-height: 1;
    }
    .month-label {
      font: var(--mat-sys-title-medium);
      min-width: 8.5em;
      text-align: center;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      overflow: hidden;
    }
    .item {
      display: grid;
      grid-template-columns: 150px minmax(0, 1fr) auto;
      gap: 16px;
      align-items: center;
      padding: 14px 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .item:first-child {
      border-top: none;
    }
    .item.cancelled .title {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .date {
      display: flex;
      flex-direction: column;
    }
    .date .d {
      font: var(--mat-sys-title-small);
    }
    .date .t {
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      display: flex;
      gap: 6px;
      align-items: center;
      flex-wrap: wrap;
    }
    .kind-chip {
      font: var(--mat-sys-label-small);
      padding: 1px 8px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
    }
    .kind-chip.audience {
      background: #e6f0fb;
      color: #0a4f9e;
    }
    .kind-chip.held {
      background: #e8f5ec;
      color: #1b7f3b;
    }
    .title {
      display: block;
      font: var(--mat-sys-title-medium);
      text-decoration: none;
      margin-top: 2px;
    }
    .title:hover {
      text-decoration: underline;
    }
    .more {
      margin: 12px 4px 0;
    }
    .empty {
      padding: 32px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 700px) {
      .item {
        grid-template-columns: 1fr;
        gap: 6px;
      }
      .date {
        flex-direction: row;
        gap: 8px;
      }
    }
  `,
})
export class EventListPage {
  private readonly data = inject(EventsDataService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);

  /** query parameters (bound by the router) */
  readonly kind = input<string>();
  readonly month = input<string>();
  readonly view = input<string>();

  protected readonly kinds = EVENT_KINDS;
  protected readonly thisMonth = tokyoMonth();
  protected readonly isStaff = computed(() => this.auth.hasRole(STAFF_ROLES));
  /** staff, managers, admins: they read the plan's codes (A1-1); members do not */
  protected readonly isChamber = computed(() => this.auth.hasRole(CHAMBER_ROLES));
  protected readonly isMember = computed(() => this.auth.hasRole(MEMBER_ROLES));
  protected readonly kindValue = computed<EventKind | null>(() => {
    const k = this.kind();
    return isKind(k) ? k : null;
  });
  protected readonly monthValue = computed(() => {
    const m = this.month();
    return isMonth(m) ? m : this.thisMonth;
  });
  protected readonly viewValue = computed<View>(() => {
    const v = this.view();
    return v === 'calendar' || v === 'list' ? v : 'upcoming';
  });

  protected readonly events = signal<EventSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  /** the upcoming view was cut at UPCOMING_LIMIT */
  protected readonly more = signal(false);

  /** Upcoming: from the start of today in Tokyo (today's events stay listed), no end. */
  private readonly query = computed(() =>
    this.viewValue() === 'upcoming'
      ? { kind: this.kindValue(), from: `${tokyoDateKey(Date.now())}T00:00:00+09:00`, upcoming: true }
      : { kind: this.kindValue(), ...monthRange(this.monthValue()), upcoming: false },
  );

  constructor() {
    toObservable(this.query)
      .pipe(
        switchMap((q) => {
          this.loading.set(true);
          this.error.set(false);
          return this.data.list(q).pipe(
            map((events) => ({ events, upcoming: q.upcoming })),
            catchError(() => {
              this.error.set(true);
              return of({ events: [] as EventSummary[], upcoming: q.upcoming });
            }),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(({ events, upcoming }) => {
        const sorted = [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
        this.more.set(upcoming && sorted.length > UPCOMING_LIMIT);
        this.events.set(upcoming ? sorted.slice(0, UPCOMING_LIMIT) : sorted);
        this.loading.set(false);
      });
  }

  protected shift(delta: number): string {
    return shiftMonth(this.monthValue(), delta);
  }

  protected go(change: { kind?: EventKind | null; month?: string; view?: View }): void {
    const next = {
      kind: 'kind' in change ? change.kind : this.kindValue(),
      month: change.month ?? this.monthValue(),
      view: change.view ?? this.viewValue(),
    };
    void this.router.navigate([], {
      queryParams: {
        kind: next.kind || null,
        month: next.month === this.thisMonth ? null : next.month,
        view: next.view === 'upcoming' ? null : next.view,
      },
      replaceUrl: true,
    });
  }
}
