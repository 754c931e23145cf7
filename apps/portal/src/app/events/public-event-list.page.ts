import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { EventSummary } from '@chamber/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { EventFormatService } from './event-format.service';
import { EventSeatsComponent } from './event-seats.component';
import { EventsDataService } from './events-data.service';

/** Open events for students and the public: no account needed. */
@Component({
  selector: 'cp-public-event-list-page',
  imports: [MatProgressBarModule, RouterLink, TranslocoPipe, EventSeatsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="title">{{ 'events.public.listTitle' | transloco }}</h1>
    <p class="cp-muted lead">{{ 'events.public.listLead' | transloco }}</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (error()) {
      <p class="cp-error-list" role="alert">{{ 'events.errors.load' | transloco }}</p>
    }
    <ul class="cards" data-testid="public-event-list">
      @for (e of open(); track e.id) {
        <li>
          <a class="card" [routerLink]="['/public/events', e.id]" data-testid="public-event-link">
            <span class="meta">
              <span class="chip">{{ 'events.kind.' + e.kind | transloco }}</span>
              <span class="chip audience">{{ 'events.audience.' + e.audience | transloco }}</span>
            </span>
            <span class="name">{{ language.pick(e.title) }}</span>
            <span class="when">{{ format.range(e.startsAt, e.endsAt) }}</span>
            @if (e.venue) {
              <span class="cp-muted venue">{{ e.venue }}</span>
            }
            <cp-event-seats [event]="e" />
          </a>
        </li>
      } @empty {
        @if (!loading() && !error()) {
          <li class="empty">{{ 'events.public.none' | transloco }}</li>
        }
      }
    </ul>
  `,
  styles: `
    .title {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 4px;
    }
    .lead {
      margin: 0 0 16px;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .card {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
      padding: 14px 16px;
      border-radius: 14px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      color: inherit;
      text-decoration: none;
    }
    .card:active,
    .card:hover {
      border-color: var(--mat-sys-primary);
    }
    .meta {
      display: flex;
      gap: 6px;
    }
    .chip {
      font: var(--mat-sys-label-small);
      padding: 1px 8px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
    }
    .chip.audience {
      background: #e6f0fb;
      color: #0a4f9e;
    }
    .name {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .empty {
      padding: 32px 8px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PublicEventListPage {
  private readonly data = inject(EventsDataService);
  protected readonly format = inject(EventFormatService);
  protected readonly language = inject(LanguageService);

  protected readonly events = signal<EventSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  /** students' and public events still taking sign-ups (members-only events never show here) */
  protected readonly open = computed(() =>
    this.events()
      .filter((e) => e.audience !== 'members' && e.status !== 'cancelled' && e.registrationOpen !== false)
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)),
  );

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const today = new Date().toISOString();
      this.events.set(await firstValueFrom(this.data.list({ from: today })));
    } catch {
      this.error.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}
