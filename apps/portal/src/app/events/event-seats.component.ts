import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { seatInfo } from './event-rules';

/** Remaining seats, or — when full — how many already wait: "満席 — キャンセル待ち 3人". */
@Component({
  selector: 'cp-event-seats',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = seats();
    @if (cancelled()) {
      <span class="seats cancelled" data-testid="event-seats" data-state="cancelled">{{
        'events.status.cancelled' | transloco
      }}</span>
    } @else if (s.full) {
      <span class="seats full" data-testid="event-seats" data-state="full">{{
        'events.seats.full' | transloco: { waitlist: s.waitlist }
      }}</span>
    } @else {
      <span class="seats open" data-testid="event-seats" data-state="open" [class.few]="s.remaining <= 3">
        {{ 'events.seats.remaining' | transloco: { remaining: s.remaining, capacity: s.capacity } }}
        @if (s.waitlist > 0) {
          <span class="wait">{{ 'events.seats.waitlistToo' | transloco: { waitlist: s.waitlist } }}</span>
        }
      </span>
    }
  `,
  styles: `
    .seats {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      border: 1px solid currentColor;
    }
    .open {
      color: #1b7f3b;
      background: #e8f5ec;
    }
    .open.few {
      color: #a15c00;
      background: #fff4e0;
    }
    .full {
      color: #b3261e;
      background: #fdecea;
    }
    .cancelled {
      color: #4b5563;
      background: #f2f3f5;
    }
    .wait {
      opacity: 0.85;
    }
  `,
})
export class EventSeatsComponent {
  readonly event = input.required<{
    capacity: number;
    registeredCount: number;
    waitlistCount: number;
    status?: string;
  }>();
  protected readonly seats = computed(() => seatInfo(this.event()));
  protected readonly cancelled = computed(() => this.event().status === 'cancelled');
}
