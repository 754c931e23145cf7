import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { MEMBER_STATUSES, WARDS } from '@chamber/contracts';
import type { MemberStatus, Ward } from '@chamber/contracts';
import { AuthService } from '../core/auth.service';
import { CsvMenuComponent, type CsvEncoding } from '../core/csv-menu.component';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { PageFrameComponent } from '../core/page-frame.component';
import { PagedList } from '../core/paged-list';
import { PagedTableComponent, PageRowsDirective } from '../core/paged-table.component';
import { statusKey, wardLabel } from './member-labels';
import { WardFilterComponent } from './ward-filter.component';
import { MembersDataService } from './members-data.service';
import { MembersTabsComponent } from './members-tabs.component';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

interface Query {
  q: string;
  status: MemberStatus | '';
  ward: Ward | '';
  page: number;
  pageSize: number;
}

/** Staff search the member companies by name, furigana (any kana, any width) or corporate number. */
@Component({
  selector: 'cp-member-list-page',
  imports: [
    WardFilterComponent,
    CsvMenuComponent,
    ScrollRegionDirective,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
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
    <cp-page [heading]="'members.title' | transloco" [subtitle]="'members.lead' | transloco">
      <div class="actions" cpPageActions>
        <cp-csv-menu
          [label]="'members.list.export' | transloco"
          [utf8Label]="'members.list.exportUtf8' | transloco"
          [sjisLabel]="'members.list.exportSjis' | transloco"
          [url]="csvUrl"
          testId="members-export"
        />
        @if (auth.canEnterFigures()) {
          <a mat-flat-button routerLink="/members/new" data-testid="members-new">
            <mat-icon svgIcon="add" />
            {{ 'members.list.new' | transloco }}
          </a>
        }
      </div>
      <cp-members-tabs cpPageNav />

      <div class="cp-filters">
        <mat-form-field class="search">
          <mat-label>{{ 'members.list.search' | transloco }}</mat-label>
          <mat-icon matPrefix svgIcon="search" />
          <input
            matInput
            type="search"
            [value]="query().q"
            (input)="setQ($event)"
            [placeholder]="'members.list.searchPlaceholder' | transloco"
            data-testid="members-search"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'members.fields.status' | transloco }}</mat-label>
          <mat-select [value]="query().status" (selectionChange)="patch({ status: $event.value, page: 1 })">
            <mat-option value="">{{ 'members.list.all' | transloco }}</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ statusKey(s) | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <cp-ward-filter [value]="query().ward" (changed)="patch({ ward: $event, page: 1 })" />
      </div>

      <cp-paged-table [list]="list" [pageSizeOptions]="[20, 50, 100]">
        <ng-template cpPageRows let-r>
          <p class="cp-muted" data-testid="members-total">{{ 'members.list.total' | transloco: { total: r.total } }}</p>
          <div class="table-wrap">
            <table class="table" data-testid="members-table">
              <thead>
                <tr>
                  <th>{{ 'members.fields.name' | transloco }}</th>
                  <th>{{ 'members.fields.corporateNumber' | transloco }}</th>
                  <th>{{ 'members.fields.industry' | transloco }}</th>
                  <th>{{ 'members.fields.ward' | transloco }}</th>
                  <th>{{ 'members.fields.joinedOn' | transloco }}</th>
                  <th>{{ 'members.fields.status' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (m of r.items; track m.id) {
                  <tr data-testid="member-row">
                    <td>
                      <a [routerLink]="['/members', m.id]" data-testid="member-link">{{ m.name }}</a>
                      <span class="kana">{{ m.nameKana }}</span>
                    </td>
                    <td class="num">{{ m.corporateNumber ?? '—' }}</td>
                    <td>{{ m.industry }}</td>
                    <td>{{ ward(m.ward) }}</td>
                    <td class="num">{{ m.joinedOn ? prefs.formatDate(m.joinedOn) : '—' }}</td>
                    <td>
                      <span class="chip" [class]="m.status">{{ statusKey(m.status) | transloco }}</span>
                    </td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="6" class="empty">{{ 'members.list.empty' | transloco }}</td>
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
    .search {
      flex: 2 1 360px;
    }
  `,
})
export class MemberListPage {
  private readonly data = inject(MembersDataService);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  protected readonly auth = inject(AuthService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly statuses = MEMBER_STATUSES;
  protected readonly statusKey = statusKey;

  protected readonly list = new PagedList({
    initial: this.fromUrl(),
    debounceMs: 200,
    urlParams: (q: Query) => ({
      q: q.q || null,
      status: q.status || null,
      ward: q.ward || null,
      page: q.page > 1 ? q.page : null,
    }),
    fetch: (q: Query) =>
      this.data.search({ ...q, q: q.q.trim() || undefined, status: q.status || undefined, ward: q.ward || undefined }),
  });
  protected readonly query = this.list.query;

  protected ward(w: Ward | null): string {
    return wardLabel(w, (t) => this.language.pick(t));
  }

  protected readonly csvUrl = (encoding: CsvEncoding): string => {
    const q = this.query();
    return this.data.csvUrl({ q: q.q.trim() || undefined, status: q.status || undefined, encoding });
  };

  protected setQ(event: Event): void {
    this.patch({ q: (event.target as HTMLInputElement).value, page: 1 });
  }

  protected patch(change: Partial<Query>): void {
    this.list.patch(change);
  }

  private fromUrl(): Query {
    const p = this.route.snapshot.queryParamMap;
    const status = p.get('status') as MemberStatus | null;
    const ward = p.get('ward') as Ward | null;
    return {
      q: p.get('q') ?? '',
      status: status && MEMBER_STATUSES.includes(status) ? status : '',
      ward: ward && WARDS.includes(ward) ? ward : '',
      page: Math.max(1, Number(p.get('page')) || 1),
      pageSize: 20,
    };
  }
}
