import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OwnSuggestionView } from '@chamber/contracts';
import { SuggestionCardComponent } from './suggestion-card.component';
import { SuggestionsDataService } from './suggestions-data.service';

/** The member's own suggestions, named and anonymous, with their answers. */
@Component({
  selector: 'cp-my-suggestions-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslocoPipe, SuggestionCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="heading">{{ 'suggestions.mine.heading' | transloco }}</h2>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (error()) {
      <p class="cp-error-list" role="alert">{{ 'suggestions.errors.load' | transloco }}</p>
    }
    <div class="list" data-testid="my-suggestions">
      @for (s of items(); track s.id) {
        <cp-suggestion-card [suggestion]="s" [showPending]="true" />
      } @empty {
        @if (!loading() && !error()) {
          <div class="empty">
            <p class="cp-muted">{{ 'suggestions.mine.empty' | transloco }}</p>
            <a mat-stroked-button routerLink="../new">{{ 'suggestions.mine.postFirst' | transloco }}</a>
          </div>
        }
      }
    </div>
  `,
  styles: `
    .heading {
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
    }
    .list {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .empty {
      padding: 32px;
      text-align: center;
    }
  `,
})
export class MySuggestionsPage {
  protected readonly items = signal<OwnSuggestionView[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);

  constructor() {
    inject(SuggestionsDataService)
      .mine()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (items) => {
          this.items.set(items);
          this.loading.set(false);
        },
        error: () => {
          this.error.set(true);
          this.loading.set(false);
        },
      });
  }
}
