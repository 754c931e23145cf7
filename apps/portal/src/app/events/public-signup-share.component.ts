import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { EventDetail } from '@chamber/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * For staff on a students' or public event: the address students sign up at, in full (the API's
 * PUBLIC_BASE_URL), to copy into a mail to schools, and the QR poster (A4 PDF) to print for them.
 */
@Component({
  selector: 'cp-public-signup-share',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="share" data-testid="public-signup-share">
      <p class="lead">{{ 'events.share.lead' | transloco }}</p>
      <label class="url-label" for="public-signup-url">{{ 'events.share.url' | transloco }}</label>
      <div class="url-row">
        <input
          id="public-signup-url"
          class="url"
          readonly
          [value]="url()"
          (focus)="$any($event.target).select()"
          data-testid="public-signup-url"
        />
        <button mat-stroked-button type="button" (click)="copy()" data-testid="copy-signup-url">
          {{ (copied() ? 'events.public.copied' : 'events.public.copy') | transloco }}
        </button>
      </div>
      <span class="cp-visually-hidden" aria-live="polite">{{
        copied() ? ('events.public.copied' | transloco) : ''
      }}</span>
      <div class="actions">
        <a mat-flat-button [href]="posterUrl()" download data-testid="poster-download">
          {{ 'events.share.poster' | transloco }}
        </a>
        <a mat-button [href]="url()" target="_blank" rel="noopener" data-testid="public-page-open">
          {{ 'events.share.open' | transloco }}
        </a>
      </div>
      <p class="cp-muted small">{{ 'events.share.posterHint' | transloco }}</p>
    </div>
  `,
  styles: `
    .share {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 14px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .lead {
      margin: 0;
    }
    .url-label {
      font: var(--mat-sys-label-medium);
    }
    .url-row {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .url {
      flex: 1 1 240px;
      min-width: 0;
      font: var(--mat-sys-body-medium);
      padding: 8px 10px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface-container-lowest);
      color: var(--mat-sys-on-surface);
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .small {
      font: var(--mat-sys-body-small);
      margin: 0;
    }
  `,
})
export class PublicSignupShareComponent {
  readonly event = input.required<EventDetail>();

  /** the API's absolute address; this portal's own origin if an older API did not send one */
  protected readonly url = computed(
    () => this.event().signupUrl ?? `${location.origin}/public/events/${encodeURIComponent(this.event().id)}`,
  );
  protected readonly posterUrl = computed(() => `/api/events/${encodeURIComponent(this.event().id)}/poster.pdf`);
  protected readonly copied = signal(false);

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.url());
      this.copied.set(true);
      setTimeout(() => this.copied.set(false), 4000);
    } catch {
      // no clipboard (plain http, permissions): the address is selected in the field to copy by hand
    }
  }
}
