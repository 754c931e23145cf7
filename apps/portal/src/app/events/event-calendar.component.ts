import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/language.service';
import type { EventSummary } from '@chamber/contracts';
import { seatInfo } from './event-rules';
import { EventFormatService } from './event-format.service';
import { calendarWeeks, tokyoDateKey } from './event-time';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A month grid (Sunday first) with each event on its Tokyo day. */
@Component({
  selector: 'cp-event-calendar',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="calendar" role="grid" [attr.aria-label]="format.month(month())" data-testid="event-calendar">
      <div class="row head" role="row">
        @for (w of weekdays; track w; let i = $index) {
          <div class="cell head" role="columnheader" [class.sun]="i === 0" [class.sat]="i === 6">
            {{ 'events.calendar.weekday.' + w | transloco }}
          </div>
        }
      </div>
      @for (week of weeks(); track week[0].date) {
        <div class="row" role="row">
          @for (day of week; track day.date) {
            <div
              class="cell"
              role="gridcell"
              [class.out]="!day.inMonth"
              [class.today]="day.date === today"
              [class.sun]="day.weekday === 0"
              [class.sat]="day.weekday === 6"
              [attr.data-date]="day.date"
            >
              <div class="day">{{ day.day }}</div>
              @for (e of byDay().get(day.date) ?? []; track e.id) {
                <a
                  class="event"
                  [routerLink]="['/events', e.id]"
                  [class.full]="isFull(e)"
                  [class.cancelled]="e.status === 'cancelled'"
                  [attr.title]="language.pick(e.title)"
                  data-testid="calendar-event"
                >
                  <span class="time">{{ format.time(e.startsAt) }}</span>
                  <span class="name">{{ language.pick(e.title) }}</span>
                  <span class="seat">
                    @if (e.status === 'cancelled') {
                      {{ 'events.status.cancelled' | transloco }}
                    } @else if (isFull(e)) {
                      {{ 'events.seats.fullShort' | transloco: { waitlist: e.waitlistCount } }}
                    } @else {
                      {{ 'events.seats.remainingShort' | transloco: { remaining: remaining(e) } }}
                    }
                  </span>
                </a>
              }
            </div>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .calendar {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow: hidden;
      background: var(--mat-sys-surface);
    }
    .row {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
    }
    .cell {
      min-height: 104px;
      padding: 4px;
      border-right: 1px solid var(--mat-sys-outline-variant);
      border-top: 1px solid var(--mat-sys-outline-variant);
      display: flex;
      flex-direction: column;
      gap: 3px;
      min-width: 0;
    }
    .cell:last-child {
      border-right: none;
    }
    .cell.head {
      min-height: 0;
      border-top: none;
      text-align: center;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container);
      padding: 6px 0;
    }
    .sun .day,
    .cell.head.sun {
      color: #b3261e;
    }
    .sat .day,
    .cell.head.sat {
      color: #0a62c9;
    }
    .out {
      background: var(--mat-sys-surface-container-low);
    }
    /* days of the next or last month: muted, yet 4.5:1 (opacity made them 2.2–2.8:1) */
    .out .day,
    .out.sun .day,
    .out.sat .day {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 400;
    }
    .today .day {
      display: inline-grid;
      place-items: center;
      width: 24px;
      height: 24px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary) !important;
    }
    .day {
      font: var(--mat-sys-label-large);
    }
    .event {
      display: flex;
      flex-direction: column;
      padding: 3px 6px;
      border-radius: 6px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      text-decoration: none;
      font: var(--mat-sys-label-small);
      line-height: 1.35;
    }
    .event.full {
      background: #fdecea;
      color: #8c1d18;
    }
    .event.cancelled {
      background: #f2f3f5;
      color: #4b5563;
      text-decoration: line-through;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 600;
    }
    @media (max-width: 700px) {
      .cell {
        min-height: 64px;
        padding: 2px;
      }
      .event .time,
      .event .seat {
        display: none;
      }
      /* a phone's day is ~50 px wide: the name wraps onto up to four lines instead of two characters and … */
      .event {
        padding: 2px 3px;
      }
      .name {
        white-space: normal;
        overflow-wrap: anywhere;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 4;
        font-weight: 500;
      }
    }
  `,
})
export class EventCalendarComponent {
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);
  readonly month = input.required<string>();
  readonly events = input.required<readonly EventSummary[]>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly today = tokyoDateKey(Date.now());
  protected readonly weeks = computed(() => calendarWeeks(this.month()));
  protected readonly byDay = computed(() => {
    const map = new Map<string, EventSummary[]>();
    const sorted = [...this.events()].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    for (const e of sorted) {
      const key = tokyoDateKey(e.startsAt);
      map.set(key, [...(map.get(key) ?? []), e]);
    }
    return map;
  });

  protected isFull(e: EventSummary): boolean {
    return seatInfo(e).full;
  }

  protected remaining(e: EventSummary): number {
    return seatInfo(e).remaining;
  }
}
