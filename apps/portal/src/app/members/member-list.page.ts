import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { MEMBER_STATUSES, WARDS } from '@chamber/contracts';
import type { MemberStatus, MemberSummary, Page, Ward } from '@chamber/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { statusKey, wardLabel } from './member-labels';
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
    ScrollRegionDirective,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
    MembersTabsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'members.title' | transloco }}</h1>
          <p class="cp-subtitle">{{ 'members.lead' | transloco }}</p>
        </div>
        <div class="actions">
          <button mat-stroked-button type="button" [matMenuTriggerFor]="exportMenu" data-testid="members-export">
            {{ 'members.list.export' | transloco }}
          </button>
          <mat-menu #exportMenu="matMenu">
            <a mat-menu-item [href]="csvUrl('utf8')" download>{{ 'members.list.exportUtf8' | transloco }}</a>
            <a mat-menu-item [href]="csvUrl('sjis')" download>{{ 'members.list.exportSjis' | transloco }}</a>
          </mat-menu>
          @if (auth.canEnterFigures()) {
            <a mat-flat-button routerLink="/members/new" data-testid="members-new">
              <mat-icon svgIcon="add" />
              {{ 'members.list.new' | transloco }}
            </a>
          }
        </div>
      </header>
      <cp-members-tabs />

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
        <mat-form-field>
          <mat-label>{{ 'members.fields.ward' | transloco }}</mat-label>
          <mat-select [value]="query().ward" (selectionChange)="patch({ ward: $event.value, page: 1 })">
            <mat-option value="">{{ 'members.list.all' | transloco }}</mat-option>
            @for (w of wards; track w) {
              <mat-option [value]="w">{{ ward(w) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (result(); as r) {
        @if (r === 'error') {
          <p class="cp-error-list" role="alert">{{ 'common.loadError' | transloco }}</p>
        } @else {
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
          <mat-paginator
            [length]="r.total"
            [pageIndex]="query().page - 1"
            [pageSize]="query().pageSize"
            [pageSizeOptions]="[20, 50, 100]"
            (page)="onPage($event)"
          />
        }
      }
    </section>
  `,
  styles: `
    .search {
      flex: 2 1 360px;
    }
  `,
})
export class MemberListPage {
  private readonly data = inject(MembersDataService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  protected readonly auth = inject(AuthService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly statuses = MEMBER_STATUSES;
  protected readonly wards = WARDS;
  protected readonly statusKey = statusKey;

  protected readonly query = signal<Query>(this.fromUrl());
  protected readonly loading = signal(false);

  protected readonly result = toSignal(
    toObservable(this.query).pipe(
      debounceTime(200),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      tap((q) => {
        this.loading.set(true);
        void this.router.navigate([], {
          relativeTo: this.route,
          queryParams: {
            q: q.q || null,
            status: q.status || null,
            ward: q.ward || null,
            page: q.page > 1 ? q.page : null,
          },
          replaceUrl: true,
        });
      }),
      switchMap((q) =>
        this.data
          .search({ ...q, q: q.q.trim() || undefined, status: q.status || undefined, ward: q.ward || undefined })
          .pipe(
            map((page): Page<MemberSummary> | 'error' => page),
            catchError(() => of('error' as const)),
          ),
      ),
      tap(() => this.loading.set(false)),
      startWith(null),
    ),
  );

  protected ward(w: Ward | null): string {
    return wardLabel(w, (t) => this.language.pick(t));
  }

  protected csvUrl(encoding: 'utf8' | 'sjis'): string {
    const q = this.query();
    return this.data.csvUrl({ q: q.q.trim() || undefined, status: q.status || undefined, encoding });
  }

  protected setQ(event: Event): void {
    this.patch({ q: (event.target as HTMLInputElement).value, page: 1 });
  }

  protected patch(change: Partial<Query>): void {
    this.query.update((q) => ({ ...q, ...change }));
  }

  protected onPage(event: PageEvent): void {
    this.patch({ page: event.pageIndex + 1, pageSize: event.pageSize });
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
