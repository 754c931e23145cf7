import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { WARDS } from '@chamber/contracts';
import type { Ward } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { catchError, of, switchMap, tap } from 'rxjs';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { wardLabel } from './member-labels';
import { MembersDataService } from './members-data.service';
import { MembersTabsComponent } from './members-tabs.component';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

/** Members who took part in nothing this fiscal year: the plan's list of companies to visit (C1-3). */
@Component({
  selector: 'cp-inactive-members-page',
  imports: [
    ScrollRegionDirective,
    MatFormFieldModule,
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
          <h1>{{ 'members.inactive.title' | transloco }}</h1>
          <p class="cp-subtitle">{{ 'members.inactive.lead' | transloco }}</p>
        </div>
      </header>
      <cp-members-tabs />
      <div class="cp-filters">
        <mat-form-field>
          <mat-label>{{ 'members.fiscalYear' | transloco }}</mat-label>
          <mat-select [value]="fiscalYear()" (selectionChange)="fiscalYear.set($event.value); page.set(1)">
            @for (fy of years; track fy) {
              <mat-option [value]="fy">{{ prefs.fiscalYear(fy) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'members.fields.ward' | transloco }}</mat-label>
          <mat-select [value]="ward()" (selectionChange)="ward.set($event.value); page.set(1)">
            <mat-option value="">{{ 'members.list.all' | transloco }}</mat-option>
            @for (w of wards; track w) {
              <mat-option [value]="w">{{ wardName(w) }}</mat-option>
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
          <p class="cp-muted" data-testid="inactive-total">
            {{ 'members.inactive.total' | transloco: { total: r.total } }}
            @if (!r.basis.includes('registrations')) {
              — {{ 'members.inactive.noRegistrations' | transloco }}
            }
          </p>
          <div class="table-wrap">
            <table class="table" data-testid="inactive-table">
              <thead>
                <tr>
                  <th>{{ 'members.fields.name' | transloco }}</th>
                  <th>{{ 'members.fields.industry' | transloco }}</th>
                  <th>{{ 'members.fields.ward' | transloco }}</th>
                  <th>{{ 'members.fields.joinedOn' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (m of r.items; track m.id) {
                  <tr>
                    <td>
                      <a [routerLink]="['/members', m.id]">{{ m.name }}</a
                      ><span class="kana">{{ m.nameKana }}</span>
                    </td>
                    <td>{{ m.industry }}</td>
                    <td>{{ wardName(m.ward) }}</td>
                    <td class="num">{{ m.joinedOn ? prefs.formatDate(m.joinedOn) : '—' }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="4" class="empty">{{ 'members.inactive.empty' | transloco }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <mat-paginator
            [length]="r.total"
            [pageIndex]="page() - 1"
            [pageSize]="pageSize()"
            [pageSizeOptions]="[50, 100, 200]"
            (page)="onPage($event)"
          />
        }
      }
    </section>
  `,
})
export class InactiveMembersPage {
  private readonly data = inject(MembersDataService);
  private readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly wards = WARDS;
  protected readonly years = Array.from({ length: currentFiscalYear() - 2018 + 1 }, (_, i) => currentFiscalYear() - i);
  protected readonly fiscalYear = signal(currentFiscalYear());
  protected readonly ward = signal<Ward | ''>('');
  protected readonly page = signal(1);
  protected readonly pageSize = signal(50);
  protected readonly loading = signal(false);

  private readonly query = computed(() => ({
    fiscalYear: this.fiscalYear(),
    ward: this.ward() || undefined,
    page: this.page(),
    pageSize: this.pageSize(),
  }));

  protected readonly result = toSignal(
    toObservable(this.query).pipe(
      tap(() => this.loading.set(true)),
      switchMap((q) => this.data.inactive(q).pipe(catchError(() => of('error' as const)))),
      tap(() => this.loading.set(false)),
    ),
  );

  protected wardName(w: Ward | null): string {
    return wardLabel(w, (t) => this.language.pick(t));
  }

  protected onPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
  }
}
