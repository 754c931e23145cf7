import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OwnSuggestionView } from '@chamber/contracts';
import { catchError, forkJoin, map, of, type Observable } from 'rxjs';
import { SuggestionCardComponent } from './suggestion-card.component';
import { SuggestionsDataService } from './suggestions-data.service';

/**
 * The member's own suggestions with their answers: the named ones from the account, the anonymous
 * ones from the receipts kept on this device (or typed in from another).
 */
@Component({
  selector: 'cp-my-suggestions-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    SuggestionCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="heading">{{ 'suggestions.mine.heading' | transloco }}</h2>
    @if (receipt(); as r) {
      <div class="receipt" role="status" data-testid="suggestion-receipt">
        <p>{{ 'suggestions.mine.receiptLead' | transloco }}</p>
        <code>{{ r }}</code>
      </div>
    }
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
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
    <form class="follow" (ngSubmit)="follow()">
      <mat-form-field>
        <mat-label>{{ 'suggestions.mine.followLabel' | transloco }}</mat-label>
        <input matInput name="receipt" [(ngModel)]="typed" autocomplete="off" data-testid="receipt-input" />
      </mat-form-field>
      <button mat-stroked-button type="submit">{{ 'suggestions.mine.follow' | transloco }}</button>
      @if (unknownReceipt()) {
        <p class="cp-error-list" role="alert">{{ 'suggestions.mine.unknownReceipt' | transloco }}</p>
      }
    </form>
  `,
  styles: `
    .receipt {
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
    }
    .receipt code {
      font-size: 1.1em;
      word-break: break-all;
      user-select: all;
    }
    .follow {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
      margin-top: 24px;
    }
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
  private readonly data = inject(SuggestionsDataService);
  /** the receipt of the post just made (bound from the query string): shown once */
  readonly receipt = input<string>();
  protected readonly items = signal<OwnSuggestionView[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  protected readonly unknownReceipt = signal(false);
  protected typed = '';

  constructor() {
    const anonymous: Observable<OwnSuggestionView | null>[] = this.data
      .receipts()
      .map((r) => this.data.byReceipt(r).pipe(catchError(() => of(null))));
    forkJoin([this.data.mine(), ...anonymous])
      .pipe(
        map(([named, ...kept]) =>
          [...(named as OwnSuggestionView[]), ...(kept as (OwnSuggestionView | null)[]).filter((s) => s !== null)].sort(
            (a, b) => b.createdAt.localeCompare(a.createdAt),
          ),
        ),
        takeUntilDestroyed(),
      )
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

  protected follow(): void {
    const receipt = this.typed.trim();
    if (!receipt) return;
    this.unknownReceipt.set(false);
    this.data.byReceipt(receipt).subscribe({
      next: (found) => {
        this.data.keepReceipt(receipt);
        this.typed = '';
        this.items.set([found, ...this.items().filter((s) => s.id !== found.id)]);
      },
      error: () => this.unknownReceipt.set(true),
    });
  }
}
