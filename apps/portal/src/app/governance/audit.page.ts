import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AuditEntryView, AuditQuery } from '@chamber/contracts';
import { tokyoDateTime } from '@chamber/domain';
import { CsvMenuComponent, type CsvEncoding } from '../core/csv-menu.component';
import { PageFrameComponent } from '../core/page-frame.component';
import { PagedList } from '../core/paged-list';
import { PagedTableComponent, PageRowsDirective } from '../core/paged-table.component';
import { GovernanceDataService } from './governance-data.service';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

interface Filters {
  from: string;
  to: string;
  actorId: string;
  entity: string;
  page: number;
  pageSize: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Admins and managers read who did what, when, to which record; and download it for Excel. */
@Component({
  selector: 'cp-audit-page',
  imports: [
    CsvMenuComponent,
    ScrollRegionDirective,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    PageFrameComponent,
    PagedTableComponent,
    PageRowsDirective,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <cp-page [heading]="'governance.audit.title' | transloco" [subtitle]="'governance.audit.lead' | transloco">
      <div class="actions" cpPageActions>
        <cp-csv-menu
          [label]="'governance.audit.export' | transloco"
          [utf8Label]="'governance.audit.exportUtf8' | transloco"
          [sjisLabel]="'governance.audit.exportSjis' | transloco"
          [url]="csvUrl"
          testId="audit-export"
          utf8TestId="audit-csv-utf8"
        />
      </div>

      <div class="cp-filters">
        <mat-form-field>
          <mat-label>{{ 'governance.audit.from' | transloco }}</mat-label>
          <input
            matInput
            type="date"
            [value]="filters().from"
            (change)="set('from', $event)"
            data-testid="audit-from"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'governance.audit.to' | transloco }}</mat-label>
          <input matInput type="date" [value]="filters().to" (change)="set('to', $event)" data-testid="audit-to" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'governance.audit.entity' | transloco }}</mat-label>
          <input
            matInput
            [value]="filters().entity"
            (input)="set('entity', $event)"
            [placeholder]="'governance.audit.entityPlaceholder' | transloco"
            data-testid="audit-entity"
          />
        </mat-form-field>
        <mat-form-field class="actor">
          <mat-label>{{ 'governance.audit.actorId' | transloco }}</mat-label>
          <input matInput [value]="filters().actorId" (input)="set('actorId', $event)" data-testid="audit-actor" />
        </mat-form-field>
      </div>

      <cp-paged-table [list]="list" errorKey="governance.audit.loadError">
        <ng-template cpPageRows let-r>
          <p class="cp-muted" data-testid="audit-total">
            {{ 'governance.audit.total' | transloco: { total: r.total } }}
          </p>
          <div class="table-wrap">
            <table class="table" data-testid="audit-table">
              <thead>
                <tr>
                  <th>{{ 'governance.audit.at' | transloco }}</th>
                  <th>{{ 'governance.audit.actor' | transloco }}</th>
                  <th>{{ 'governance.audit.action' | transloco }}</th>
                  <th>{{ 'governance.audit.record' | transloco }}</th>
                  <th>{{ 'governance.audit.status' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (e of r.items; track e.id) {
                  <tr data-testid="audit-row">
                    <td class="num">{{ at(e) }}</td>
                    <td>
                      {{ e.actorName ?? '—' }}
                      <span class="sub">{{ 'role.' + e.actorRole | transloco }}</span>
                    </td>
                    <td>
                      <code>{{ e.action }}</code>
                    </td>
                    <td>
                      <button mat-button type="button" class="entity" (click)="filterEntity(e)">
                        {{ e.entity ?? '—' }}
                      </button>
                      <span class="sub">{{ e.entityId ?? '' }}</span>
                    </td>
                    <td class="num">{{ e.statusCode }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="5" class="empty">{{ 'governance.audit.empty' | transloco }}</td>
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
    .actor {
      flex: 1 1 320px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .table {
      width: 100%;
      border-collapse: collapse;
    }
    .table th,
    .table td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #ddd);
      vertical-align: top;
    }
    .num {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .sub {
      display: block;
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant, #555);
      word-break: break-all;
    }
    code {
      font-size: 12px;
      word-break: break-all;
    }
    .empty {
      text-align: center;
      padding: 24px;
    }
  `,
})
export class AuditPage {
  private readonly data = inject(GovernanceDataService);

  protected readonly list = new PagedList({
    initial: { from: '', to: '', actorId: '', entity: '', page: 1, pageSize: 100 } as Filters,
    debounceMs: 250,
    fetch: (f: Filters) => this.data.audit(this.query(f)),
  });
  protected readonly filters = this.list.query;

  protected at(e: AuditEntryView): string {
    return tokyoDateTime(e.at);
  }

  protected readonly csvUrl = (encoding: CsvEncoding): string =>
    this.data.auditCsvUrl(this.query(this.filters()), encoding);

  protected set(key: 'from' | 'to' | 'actorId' | 'entity', event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim();
    this.filters.update((f) => ({ ...f, [key]: value, page: 1 }));
  }

  protected filterEntity(e: AuditEntryView): void {
    this.filters.update((f) => ({ ...f, entity: e.entity ?? '', page: 1 }));
  }

  /** Only filters the API accepts are sent (a half-typed actor id waits until it is one). */
  private query(f: Filters): AuditQuery {
    return {
      from: f.from || undefined,
      to: f.to || undefined,
      entity: f.entity || undefined,
      actorId: UUID.test(f.actorId) ? f.actorId : undefined,
      page: f.page,
      pageSize: f.pageSize,
    };
  }
}
