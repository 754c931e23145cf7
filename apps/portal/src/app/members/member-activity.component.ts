import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ExamType, MemberActivity } from '@chamber/contracts';
import { catchError, of } from 'rxjs';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { ScrollRegionDirective } from '../core/scroll-region.directive';
import { MembersDataService } from './members-data.service';

/** What the company did in the other domains: registrations and attendance, exams, signed suggestions. */
@Component({
  selector: 'cp-member-activity',
  imports: [ScrollRegionDirective, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <section class="card" data-testid="member-registrations">
      <h2>{{ 'members.activity.registrations' | transloco }}</h2>
      @if (activity().unavailable.includes('registrations')) {
        <p class="cp-muted">{{ 'members.activity.unavailable' | transloco }}</p>
      } @else {
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{{ 'members.activity.event' | transloco }}</th>
                <th>{{ 'members.activity.date' | transloco }}</th>
                <th>{{ 'members.activity.person' | transloco }}</th>
                <th>{{ 'members.activity.status' | transloco }}</th>
                <th>{{ 'members.activity.checkedIn' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of activity().registrations; track r.id) {
                <tr>
                  <td>
                    <a [routerLink]="['/events', r.eventId]">{{ r.title ? language.pick(r.title) : r.eventTitle }}</a>
                  </td>
                  <td class="num">{{ r.startsAt ? prefs.formatDateTime(r.startsAt) : '—' }}</td>
                  <td>{{ r.name }}</td>
                  <td>{{ 'members.activity.registrationStatus.' + r.status | transloco }}</td>
                  <td class="num">{{ r.checkedInAt ? prefs.formatDateTime(r.checkedInAt) : '—' }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="5" class="empty">{{ 'members.activity.none' | transloco }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>

    <section class="card" data-testid="member-exams">
      <h2>{{ 'members.activity.exams' | transloco }}</h2>
      @if (activity().unavailable.includes('examApplications')) {
        <p class="cp-muted">{{ 'members.activity.unavailable' | transloco }}</p>
      } @else {
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{{ 'members.activity.exam' | transloco }}</th>
                <th>{{ 'members.activity.date' | transloco }}</th>
                <th>{{ 'members.activity.person' | transloco }}</th>
                <th>{{ 'members.activity.status' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (e of activity().examApplications; track e.id) {
                <tr>
                  <td>{{ examName(e) }}</td>
                  <td class="num">{{ e.date ? prefs.formatDate(e.date) : '—' }}</td>
                  <td>{{ e.name }}</td>
                  <td>{{ 'members.activity.examStatus.' + e.status | transloco }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="4" class="empty">{{ 'members.activity.none' | transloco }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>

    <section class="card" data-testid="member-suggestions">
      <h2>{{ 'members.activity.suggestions' | transloco }}</h2>
      @if (activity().unavailable.includes('suggestions')) {
        <p class="cp-muted">{{ 'members.activity.unavailable' | transloco }}</p>
      } @else {
        <ul class="list">
          @for (s of activity().suggestions; track s.id) {
            <li>
              <a [routerLink]="['/suggestions/inbox', s.id]">{{ prefs.formatDate(s.createdAt) }}</a>
              <span class="cp-muted"
                >{{ 'members.activity.suggestionCategory.' + s.category | transloco }} ·
                {{ 'members.activity.suggestionStatus.' + s.status | transloco }}</span
              >
            </li>
          } @empty {
            <li class="cp-muted">{{ 'members.activity.none' | transloco }}</li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .list {
      margin: 0;
      padding-left: 20px;
    }
  `,
})
export class MemberActivityComponent {
  readonly activity = input.required<MemberActivity>();
  protected readonly prefs = inject(DisplayPrefsService);
  protected readonly language = inject(LanguageService);
  private readonly examTypes = toSignal(
    inject(MembersDataService)
      .examTypes()
      .pipe(catchError(() => of([] as ExamType[]))),
    { initialValue: [] as ExamType[] },
  );
  private readonly examIndex = computed(() => new Map(this.examTypes().map((t) => [t.code, t])));

  /** 日商簿記 3級 / JCCI Bookkeeping, Grade 3 from the catalogue; the API's Japanese name with 級 if unknown. */
  protected examName(e: MemberActivity['examApplications'][number]): string {
    const type = this.examIndex().get(e.examCode);
    const grade = type?.grades.find((g) => g.code === e.gradeCode);
    if (type && grade) {
      return this.language.lang() === 'ja'
        ? `${type.name.ja} ${grade.name.ja}`
        : `${type.name.en || type.name.ja}, ${grade.name.en || grade.name.ja}`;
    }
    return /^\d+$/.test(e.gradeCode) && e.examName.endsWith(` ${e.gradeCode}`) ? `${e.examName}級` : e.examName;
  }
}
