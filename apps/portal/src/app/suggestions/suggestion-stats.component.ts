import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SuggestionStats } from '@chamber/contracts';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';

/** Received, answered, answer rate and median days to answer of one fiscal year. */
@Component({
  selector: 'cp-suggestion-stats',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = stats();
    <section class="stats" data-testid="suggestion-stats">
      <h2>{{ 'suggestions.stats.heading' | transloco: { fy: prefs.fiscalYear(s.fiscalYear) } }}</h2>
      <dl>
        <div>
          <dt>{{ 'suggestions.stats.received' | transloco }}</dt>
          <dd data-testid="stats-received">{{ s.received }}</dd>
        </div>
        <div>
          <dt>{{ 'suggestions.stats.answered' | transloco }}</dt>
          <dd data-testid="stats-answered">{{ s.answered }}</dd>
        </div>
        <div>
          <dt>{{ 'suggestions.stats.rate' | transloco }}</dt>
          <dd data-testid="stats-rate">{{ percent(s.answerRate) }}</dd>
        </div>
        <div>
          <dt>{{ 'suggestions.stats.median' | transloco }}</dt>
          <dd data-testid="stats-median">
            @if (s.medianDaysToAnswer === null) {
              {{ 'suggestions.stats.none' | transloco }}
            } @else {
              {{ 'suggestions.stats.days' | transloco: { days: s.medianDaysToAnswer } }}
            }
          </dd>
        </div>
      </dl>
      <p class="cp-muted note">{{ 'suggestions.stats.note' | transloco }}</p>
    </section>
  `,
  styles: `
    .stats {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      margin-bottom: 16px;
      background: var(--mat-sys-surface);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .note {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SuggestionStatsComponent {
  readonly stats = input.required<SuggestionStats>();
  protected readonly prefs = inject(DisplayPrefsService);
  private readonly language = inject(LanguageService);

  protected percent(rate: number | null): string {
    if (rate === null) return '—';
    return new Intl.NumberFormat(this.language.locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  }
}
