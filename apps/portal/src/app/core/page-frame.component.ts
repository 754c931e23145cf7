import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RequestState } from './request-state';

/**
 * The frame of a portal page: its header (title, subtitle, and what is projected with
 * `cpPageActions`), then what is projected with `cpPageNav` (tabs), the loading bar while the
 * page's `state` is busy, its errors (role alert), and the page's own content.
 */
@Component({
  selector: 'cp-page',
  imports: [MatProgressBarModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ heading() }}</h1>
          @if (subtitle(); as s) {
            <p class="cp-subtitle">{{ s }}</p>
          }
        </div>
        <ng-content select="[cpPageActions]" />
      </header>
      <ng-content select="[cpPageNav]" />
      @if (state()?.busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (state()?.errors()?.length) {
        <ul class="cp-error-list" role="alert" [attr.data-testid]="errorsTestId()">
          @for (m of state()?.errors(); track $index) {
            <li>{{ m }}</li>
          }
        </ul>
      }
      <ng-content />
    </section>
  `,
})
export class PageFrameComponent {
  readonly heading = input.required<string>();
  readonly subtitle = input<string>('');
  readonly state = input<RequestState | null>(null);
  readonly errorsTestId = input<string | null>(null);
}
