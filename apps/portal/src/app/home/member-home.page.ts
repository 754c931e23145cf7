import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { EventSummary, ExamSitting, LocalizedText, RegistrationView } from '@chamber/contracts';
import { tokyoDate } from '@chamber/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, of } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';

const SHOWN = 5;

/**
 * Where members land after signing in: events and exams they can still join, their own
 * registrations to come, and the way to the suggestion box; a company contact also reaches the
 * company's people. (The plan with its codes is the chamber's own page.)
 */
@Component({
  selector: 'cp-member-home',
  imports: [MatButtonModule, MatCardModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="cp-page-title">{{ 'home.title' | transloco }}</h1>
    <div class="grid">
      <mat-card appearance="outlined" data-testid="home-events">
        <mat-card-header
          ><mat-card-title
            ><h2>{{ 'home.events' | transloco }}</h2></mat-card-title
          ></mat-card-header
        >
        <mat-card-content>
          @for (e of events(); track e.id) {
            <a class="row" [routerLink]="['/events', e.id]">
              <span class="when">{{ day(e.startsAt) }}</span>
              <span class="what">{{ text(e.title) }}</span>
              @if (!e.registrationOpen) {
                <span class="cp-muted">{{ 'home.closed' | transloco }}</span>
              }
            </a>
          } @empty {
            <p class="cp-muted">{{ 'home.noEvents' | transloco }}</p>
          }
        </mat-card-content>
        <mat-card-actions
          ><a mat-button routerLink="/events">{{ 'home.allEvents' | transloco }}</a></mat-card-actions
        >
      </mat-card>

      <mat-card appearance="outlined" data-testid="home-exams">
        <mat-card-header
          ><mat-card-title
            ><h2>{{ 'home.exams' | transloco }}</h2></mat-card-title
          ></mat-card-header
        >
        <mat-card-content>
          @for (s of exams(); track s.id) {
            <a class="row" routerLink="/exams">
              <span class="when">{{ day(s.startsAt) }}</span>
              <span class="what">{{ text(s.exam.name) }} {{ text(s.gradeName) }}</span>
            </a>
          } @empty {
            <p class="cp-muted">{{ 'home.noExams' | transloco }}</p>
          }
        </mat-card-content>
        <mat-card-actions
          ><a mat-button routerLink="/exams/mine">{{ 'home.myExams' | transloco }}</a></mat-card-actions
        >
      </mat-card>

      <mat-card appearance="outlined" data-testid="home-mine">
        <mat-card-header
          ><mat-card-title
            ><h2>{{ 'home.mine' | transloco }}</h2></mat-card-title
          ></mat-card-header
        >
        <mat-card-content>
          @for (r of mine(); track r.id) {
            <a class="row" [routerLink]="['/events', r.event.id]">
              <span class="when">{{ day(r.event.startsAt) }}</span>
              <span class="what">{{ text(r.event.title) }}</span>
              <span class="cp-muted">{{ r.name }}</span>
            </a>
          } @empty {
            <p class="cp-muted">{{ 'home.noneMine' | transloco }}</p>
          }
        </mat-card-content>
        <mat-card-actions>
          <a mat-button routerLink="/events/mine">{{ 'home.allMine' | transloco }}</a>
          <a mat-button routerLink="/suggestions">{{ 'home.suggestions' | transloco }}</a>
          @if (companyContact()) {
            <a mat-button routerLink="/members/mine" data-testid="home-company">{{ 'home.company' | transloco }}</a>
          }
        </mat-card-actions>
      </mat-card>
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
    }
    h2 {
      font-size: 1.1rem;
      margin: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      color: inherit;
      text-decoration: none;
    }
    .row:hover .what {
      text-decoration: underline;
    }
    .when {
      min-width: 7em;
      font-variant-numeric: tabular-nums;
    }
    .what {
      flex: 1 1 12em;
      overflow-wrap: anywhere;
    }
  `,
})
export class MemberHomePage {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  /** the lists start from the chamber's today (Asia/Tokyo) */
  private readonly from = tokyoDate(new Date());

  private readonly allEvents = toSignal(
    this.http.get<EventSummary[]>('/api/events', { params: { from: this.from } }).pipe(catchError(() => of([]))),
    { initialValue: [] as EventSummary[] },
  );
  private readonly allExams = toSignal(
    this.http.get<ExamSitting[]>('/api/exams', { params: { from: this.from } }).pipe(catchError(() => of([]))),
    { initialValue: [] as ExamSitting[] },
  );
  private readonly registrations = toSignal(
    this.http.get<RegistrationView[]>('/api/me/registrations').pipe(catchError(() => of([]))),
    { initialValue: [] as RegistrationView[] },
  );

  protected readonly events = computed(() =>
    this.allEvents()
      .filter((e) => e.status === 'scheduled')
      .slice(0, SHOWN),
  );
  protected readonly exams = computed(() => this.allExams().slice(0, SHOWN));
  protected readonly mine = computed(() =>
    this.registrations()
      .filter((r) => (r.status === 'registered' || r.status === 'waitlisted') && r.event.startsAt >= this.from)
      .sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt))
      .slice(0, SHOWN),
  );
  protected readonly companyContact = computed(() => this.auth.role() === 'member_admin');

  private readonly dayFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.language.lang() === 'ja' ? 'ja-JP' : 'en-GB', {
        timeZone: 'Asia/Tokyo',
        month: 'short',
        day: 'numeric',
        weekday: 'short',
      }),
  );

  protected day(instant: string): string {
    return this.dayFormat().format(new Date(instant));
  }

  protected text(t: LocalizedText): string {
    return (this.language.lang() === 'en' ? t.en : t.ja) || t.ja || t.en;
  }
}
