import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CalendarFeedResponse } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * The caller's secret calendar feed (their registrations and exam applications): shown on demand,
 * copied into Outlook, Google or Apple calendars, and replaced when it may have leaked.
 */
@Component({
  selector: 'cp-calendar-feed',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      margin-bottom: 16px;
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .row {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      align-items: center;
    }
    input {
      flex: 1 1 320px;
      min-width: 0;
      font: var(--mat-sys-body-small);
      padding: 6px 8px;
    }
    p {
      margin: 4px 0 8px;
    }
  `,
  template: `
    <strong>{{ 'events.calendarFeed.title' | transloco }}</strong>
    <p class="cp-muted">{{ 'events.calendarFeed.lead' | transloco }}</p>
    @if (url(); as u) {
      <div class="row">
        <input
          readonly
          [value]="u"
          [attr.aria-label]="'events.calendarFeed.title' | transloco"
          data-testid="calendar-feed-url"
          (focus)="$any($event.target).select()"
        />
        <button mat-stroked-button type="button" (click)="copy(u)">{{ 'events.calendarFeed.copy' | transloco }}</button>
        <button mat-button type="button" (click)="rotate()" [disabled]="busy()" data-testid="calendar-feed-rotate">
          {{ 'events.calendarFeed.rotate' | transloco }}
        </button>
      </div>
      <p class="cp-muted">{{ 'events.calendarFeed.secret' | transloco }}</p>
    } @else {
      <button mat-stroked-button type="button" (click)="show()" [disabled]="busy()" data-testid="calendar-feed-show">
        {{ 'events.calendarFeed.show' | transloco }}
      </button>
    }
  `,
})
export class CalendarFeedComponent {
  private readonly http = inject(HttpClient);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly url = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected show(): Promise<void> {
    return this.load(this.http.get<CalendarFeedResponse>('/api/me/calendar'));
  }

  protected rotate(): Promise<void> {
    return this.load(this.http.post<CalendarFeedResponse>('/api/me/calendar/rotate', {}));
  }

  protected async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.snack.open(this.transloco.translate('events.calendarFeed.copied'), undefined, { duration: 2000 });
    } catch {
      // no clipboard permission: the field is selectable
    }
  }

  private async load(request: ReturnType<HttpClient['get']>): Promise<void> {
    this.busy.set(true);
    try {
      this.url.set(((await firstValueFrom(request)) as CalendarFeedResponse).url);
    } catch {
      this.snack.open(this.transloco.translate('events.errors.load'), undefined, { duration: 4000 });
    } finally {
      this.busy.set(false);
    }
  }
}
