import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Ward } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { PageFrameComponent } from '../core/page-frame.component';
import { PagedList } from '../core/paged-list';
import { PagedTableComponent, PageRowsDirective } from '../core/paged-table.component';
import { wardLabel } from './member-labels';
import { WardFilterComponent } from './ward-filter.component';
import { MembersDataService } from './members-data.service';
import { MembersTabsComponent } from './members-tabs.component';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

/** Members who took part in nothing this fiscal year: the plan's list of companies to visit (C1-3). */
@Component({
  selector: 'cp-inactive-members-page',
  imports: [
    WardFilterComponent,
    ScrollRegionDirective,
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
    <cp-page [heading]="'members.inactive.title' | transloco" [subtitle]="'members.inactive.lead' | transloco">
      <cp-members-tabs cpPageNav />
      <div class="cp-filters">
        <mat-form-field>
          <mat-label>{{ 'members.fiscalYear' | transloco }}</mat-label>
          <mat-select
            [value]="list.query().fiscalYear"
            (selectionChange)="list.patch({ fiscalYear: $event.value, page: 1 })"
          >
            @for (fy of years; track fy) {
              <mat-option [value]="fy">{{ prefs.fiscalYear(fy) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <cp-ward-filter [value]="list.query().ward" (changed)="list.patch({ ward: $event, page: 1 })" />
      </div>
      <cp-paged-table [list]="list">
        <ng-template cpPageRows let-r>
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
        </ng-template>
      </cp-paged-table>
    </cp-page>
  `,
})
export class InactiveMembersPage {
  private readonly data = inject(MembersDataService);
  private readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly years = Array.from({ length: currentFiscalYear() - 2018 + 1 }, (_, i) => currentFiscalYear() - i);
  protected readonly list = new PagedList({
    initial: { fiscalYear: currentFiscalYear(), ward: '' as Ward | '', page: 1, pageSize: 50 },
    fetch: (q) => this.data.inactive({ ...q, ward: q.ward || undefined }),
  });

  protected wardName(w: Ward | null): string {
    return wardLabel(w, (t) => this.language.pick(t));
  }
}
