import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { SUGGESTION_CATEGORIES } from '@chamber/contracts';
import type { PublicSuggestionView, SuggestionCategory } from '@chamber/contracts';
import { EMPTY, catchError, combineLatest, debounceTime, switchMap, tap } from 'rxjs';
import { SuggestionCardComponent } from './suggestion-card.component';
import { SuggestionsDataService } from './suggestions-data.service';

/** "Voices and answers": public answers, searchable; never a poster. */
@Component({
  selector: 'cp-public-answers-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    SuggestionCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="heading">{{ 'suggestions.voices.heading' | transloco }}</h2>
    <p class="cp-muted lead">{{ 'suggestions.voices.lead' | transloco }}</p>
    <div class="cp-filters">
      <mat-form-field class="search">
        <mat-label>{{ 'suggestions.voices.search' | transloco }}</mat-label>
        <mat-icon matPrefix svgIcon="search" />
        <input
          matInput
          type="search"
          [value]="query()"
          (input)="onQuery($event)"
          [placeholder]="'suggestions.voices.searchPlaceholder' | transloco"
          data-testid="voices-search"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'suggestions.category.label' | transloco }}</mat-label>
        <mat-select [value]="category()" (selectionChange)="category.set($event.value)">
          <mat-option [value]="null">{{ 'suggestions.category.all' | transloco }}</mat-option>
          @for (c of categories; track c) {
            <mat-option [value]="c">{{ 'suggestions.category.' + c | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="cp-error-list" role="alert">{{ 'suggestions.errors.load' | transloco }}</p>
    }
    <p class="cp-muted count" aria-live="polite">
      {{ 'suggestions.voices.count' | transloco: { count: items().length } }}
    </p>
    <div class="list" data-testid="voices-list">
      @for (s of items(); track s.id) {
        <cp-suggestion-card [suggestion]="s" />
      } @empty {
        @if (!loading()) {
          <p class="empty cp-muted">{{ 'suggestions.voices.empty' | transloco }}</p>
        }
      }
    </div>
  `,
  styles: `
    .heading {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .lead {
      margin: 4px 0 16px;
    }
    .search {
      flex: 2 1 320px;
    }
    .count {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
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
export class PublicAnswersPage {
  private readonly data = inject(SuggestionsDataService);
  protected readonly categories = SUGGESTION_CATEGORIES;
  protected readonly query = signal('');
  protected readonly category = signal<SuggestionCategory | null>(null);
  protected readonly items = signal<PublicSuggestionView[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);

  constructor() {
    combineLatest([toObservable(this.query).pipe(debounceTime(250)), toObservable(this.category)])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(false);
        }),
        switchMap(([q, category]) =>
          this.data.voices(q, category).pipe(
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
  }

  protected onQuery(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }
}
