import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CONSULTATION_KINDS } from '@chamber/contracts';
import type { Consultation, ConsultationKind, Page, Visit } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { map, type Observable } from 'rxjs';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { PageFrameComponent } from '../core/page-frame.component';
import { PagedList } from '../core/paged-list';
import { PagedTableComponent, PageRowsDirective } from '../core/paged-table.component';
import { kindLabel } from './member-labels';
import { MembersDataService } from './members-data.service';
import { MembersTabsComponent } from './members-tabs.component';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

interface LogQuery {
  view: 'consultations' | 'visits';
  fiscalYear: number;
  kind: ConsultationKind | '';
  page: number;
  pageSize: number;
}
type Row = {
  id: string;
  memberId: string;
  memberName?: string;
  date: string;
  text: string;
  kind: string;
  staff: string;
};

/** Every company's consultations (経営指導) or visits (巡回訪問) in a fiscal year. */
@Component({
  selector: 'cp-consultation-log-page',
  imports: [
    ScrollRegionDirective,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatSelectModule,
    PageFrameComponent,
    PagedTableComponent,
    PageRowsDirective,
    RouterLink,
    TranslocoPipe,
    MembersTabsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <cp-page [heading]="'members.log.title' | transloco" [subtitle]="'members.log.lead' | transloco">
      <cp-members-tabs cpPageNav />
      <div class="cp-filters">
        <mat-button-toggle-group [value]="query().view" (change)="patch({ view: $event.value, page: 1 })">
          <mat-button-toggle value="consultations">{{ 'members.log.consultations' | transloco }}</mat-button-toggle>
          <mat-button-toggle value="visits">{{ 'members.log.visits' | transloco }}</mat-button-toggle>
        </mat-button-toggle-group>
        <mat-form-field>
          <mat-label>{{ 'members.fiscalYear' | transloco }}</mat-label>
          <mat-select [value]="query().fiscalYear" (selectionChange)="patch({ fiscalYear: $event.value, page: 1 })">
            @for (fy of years; track fy) {
              <mat-option [value]="fy">{{ prefs.fiscalYear(fy) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (query().view === 'consultations') {
          <mat-form-field>
            <mat-label>{{ 'members.log.kind' | transloco }}</mat-label>
            <mat-select [value]="query().kind" (selectionChange)="patch({ kind: $event.value, page: 1 })">
              <mat-option value="">{{ 'members.list.all' | transloco }}</mat-option>
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ kind(k) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
      </div>
      <cp-paged-table [list]="list">
        <ng-template cpPageRows let-p>
          <p class="cp-muted">{{ 'members.list.total' | transloco: { total: p.total } }}</p>
          <div class="table-wrap">
            <table class="table" data-testid="log-table">
              <thead>
                <tr>
                  <th>{{ 'members.log.date' | transloco }}</th>
                  <th>{{ 'members.fields.name' | transloco }}</th>
                  @if (query().view === 'consultations') {
                    <th>{{ 'members.log.kind' | transloco }}</th>
                  }
                  <th>
                    {{ (query().view === 'consultations' ? 'members.log.summary' : 'members.log.note') | transloco }}
                  </th>
                  <th>{{ 'members.log.staff' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (r of p.items; track r.id) {
                  <tr>
                    <td class="num">{{ prefs.formatDate(r.date) }}</td>
                    <td>
                      <a [routerLink]="['/members', r.memberId]">{{ r.memberName }}</a>
                    </td>
                    @if (query().view === 'consultations') {
                      <td>{{ r.kind }}</td>
                    }
                    <td class="text">{{ r.text }}</td>
                    <td>{{ r.staff }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="5" class="empty">{{ 'members.list.empty' | transloco }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </ng-template>
      </cp-paged-table>
    </cp-page>
  `,
  styles: `
    .text {
      white-space: pre-wrap;
      min-width: 240px;
    }
  `,
})
export class ConsultationLogPage {
  private readonly data = inject(MembersDataService);
  private readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly kinds = CONSULTATION_KINDS;
  protected readonly years = Array.from(
    { length: currentFiscalYear() - 2018 + 1 },
    (_, i) => currentFiscalYear() + 1 - i,
  );
  protected readonly list = new PagedList({
    initial: { view: 'consultations', fiscalYear: currentFiscalYear(), kind: '', page: 1, pageSize: 50 } as LogQuery,
    fetch: (q: LogQuery) => this.fetch(q),
  });
  protected readonly query = this.list.query;

  protected kind(k: ConsultationKind): string {
    return kindLabel(k, (t) => this.language.pick(t));
  }

  protected patch(change: Partial<LogQuery>): void {
    this.list.patch(change);
  }

  private fetch(q: LogQuery): Observable<Page<Row>> {
    const common = { fiscalYear: q.fiscalYear, page: q.page, pageSize: q.pageSize };
    if (q.view === 'visits')
      return this.data.visits(common).pipe(
        map((p: Page<Visit>) => ({
          ...p,
          items: p.items.map((v) => ({ ...v, text: v.note, kind: '', staff: v.staffName ?? '—' })),
        })),
      );
    return this.data.consultations({ ...common, kind: q.kind }).pipe(
      map((p: Page<Consultation>) => ({
        ...p,
        items: p.items.map((c) => ({ ...c, text: c.summary, kind: this.kind(c.kind), staff: c.staffName ?? '—' })),
      })),
    );
  }
}
