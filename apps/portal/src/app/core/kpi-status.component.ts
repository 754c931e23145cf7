import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { KpiStatus } from '@chamber/contracts';

/** A glyph per status, so a status reads without its colour (and in print). */
export const STATUS_GLYPHS: Record<KpiStatus, string> = {
  met: '✓',
  on_track: '↗',
  behind: '!',
  not_started: '○',
  no_target: '–',
};

/** A KPI's status as a chip: glyph and word, coloured as styles.scss says. */
@Component({
  selector: 'cp-kpi-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="cp-status {{ status() }}" data-testid="kpi-status" [attr.data-status]="status()"
    ><span class="glyph" aria-hidden="true">{{ glyphs[status()] }}</span
    >{{ 'status.' + status() | transloco }}</span
  >`,
  styles: `
    :host {
      display: inline-flex;
    }
    .cp-status {
      white-space: nowrap;
    }
    .glyph {
      display: inline-block;
      min-width: 1em;
      text-align: center;
      font-weight: 700;
    }
  `,
})
export class KpiStatusComponent {
  readonly status = input.required<KpiStatus>();
  protected readonly glyphs = STATUS_GLYPHS;
}
