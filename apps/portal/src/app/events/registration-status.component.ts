import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { RegistrationStatus } from '@chamber/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** A registration's status as a chip; waitlisted ones carry their place in the queue. */
@Component({
  selector: 'cp-registration-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="chip" [class]="status()" data-testid="registration-status" [attr.data-status]="status()">
      @if (status() === 'waitlisted' && position()) {
        {{ 'events.registration.waitlistedAt' | transloco: { position: position() } }}
      } @else {
        {{ 'events.registration.status.' + status() | transloco }}
      }
    </span>
  `,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      border: 1px solid currentColor;
    }
    .registered {
      color: #0a62c9;
      background: #e6f0fb;
    }
    .waitlisted {
      color: #a15c00;
      background: #fff4e0;
    }
    .attended {
      color: #1b7f3b;
      background: #e8f5ec;
    }
    .cancelled {
      color: #4b5563;
      background: #f2f3f5;
    }
  `,
})
export class RegistrationStatusComponent {
  readonly status = input.required<RegistrationStatus>();
  readonly position = input<number | null | undefined>(null);
}
