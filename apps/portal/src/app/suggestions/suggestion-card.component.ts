import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SuggestionView } from '@chamber/contracts';
import { DisplayPrefsService } from '../core/display-prefs.service';

/**
 * One suggestion with its answer. Texts are members' own words: shown only through interpolation
 * (escaped), with their line breaks kept by CSS — never as HTML.
 */
@Component({
  selector: 'cp-suggestion-card',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = suggestion();
    <article class="card" data-testid="suggestion-card" [attr.data-suggestion-id]="s.id" [attr.data-status]="s.status">
      <header class="meta">
        <span class="chip category">{{ 'suggestions.category.' + s.category | transloco }}</span>
        <span class="chip status" [class]="'status-' + s.status" data-testid="suggestion-status">
          {{ 'suggestions.status.' + s.status | transloco }}
        </span>
        @if (s.view !== 'public') {
          <span class="chip">{{
            (s.anonymous ? 'suggestions.card.anonymous' : 'suggestions.card.named') | transloco
          }}</span>
        }
        <span class="cp-spacer"></span>
        <span class="cp-muted date">{{
          'suggestions.card.posted' | transloco: { date: prefs.formatDate(s.createdAt) }
        }}</span>
      </header>
      <p class="text" data-testid="suggestion-body">{{ s.body }}</p>
      @if (s.answer; as a) {
        <section class="answer" data-testid="suggestion-answer">
          <h3>
            {{ 'suggestions.card.answer' | transloco }}
            @if (a.public && s.view !== 'public') {
              <span class="chip public">{{ 'suggestions.card.public' | transloco }}</span>
            }
          </h3>
          <p class="text" data-testid="suggestion-answer-body">{{ a.body }}</p>
          <p class="cp-muted date">
            {{ 'suggestions.card.answeredAt' | transloco: { date: prefs.formatDate(a.answeredAt) } }}
          </p>
        </section>
      } @else if (showPending()) {
        <p class="cp-muted pending">{{ 'suggestions.card.notAnswered' | transloco }}</p>
      }
    </article>
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      background: var(--mat-sys-surface);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
    }
    .category {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .status-answered,
    .public {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .status-in_review {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .date {
      font: var(--mat-sys-body-small);
      margin: 0;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 12px 0 0;
    }
    .answer {
      margin-top: 16px;
      padding: 12px 16px;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
      border-radius: 0 8px 8px 0;
    }
    .answer h3 {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .answer .text {
      margin: 8px 0;
    }
    .pending {
      margin: 12px 0 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SuggestionCardComponent {
  readonly suggestion = input.required<SuggestionView>();
  readonly showPending = input(false);
  protected readonly prefs = inject(DisplayPrefsService);
}
