import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { KPI_STATUSES } from '@chamber/contracts';
import type { KpiReading, KpiStatus, ManualEntryResponse } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { STATUS_GLYPHS } from '../core/kpi-status.component';
import {
  DASHBOARD_SORTS,
  type DashboardSort,
  type DashboardView,
  isDashboardSort,
  isDashboardView,
  isKpiStatus,
} from './dashboard-view';
import { DashboardStore } from './dashboard.store';
import { KpiRowComponent } from './kpi-row.component';
import { KpiTableComponent } from './kpi-table.component';
import { ManualEntryDialog, type ManualEntryData } from './manual-entry.dialog';

@Component({
  selector: 'cp-dashboard-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    KpiRowComponent,
    KpiTableComponent,
  ],
  providers: [DashboardStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly store = inject(DashboardStore);
  protected readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly statuses = KPI_STATUSES;
  protected readonly sorts = DASHBOARD_SORTS;
  protected readonly glyphs = STATUS_GLYPHS;
  protected readonly currentFy = currentFiscalYear();
  /** For the table: a division's label in the current language. */
  protected readonly divisionName = (division: string): string => this.divisionLabel(division) ?? division;

  constructor() {
    // The filters live in the address, so a manager can bookmark "behind, by status" and share it.
    const q = this.route.snapshot.queryParamMap;
    const status = q.get('status');
    const sort = q.get('sort');
    const view = q.get('view');
    if (isKpiStatus(status)) this.store.status.set(status);
    if (isDashboardSort(sort)) this.store.sort.set(sort);
    if (isDashboardView(view)) this.store.view.set(view);
    this.store.division.set(q.get('division') ?? '');
    this.store.start();
  }

  protected setStatus(status: KpiStatus | ''): void {
    this.store.status.set(status);
    this.remember();
  }

  protected setSort(sort: DashboardSort): void {
    this.store.sort.set(sort);
    this.remember();
  }

  protected setView(view: DashboardView): void {
    this.store.view.set(view);
    this.remember();
  }

  protected setDivision(division: string): void {
    this.store.division.set(division);
    this.remember();
  }

  private remember(): void {
    const queryParams = {
      status: this.store.status() || null,
      sort: this.store.sort() === 'plan' ? null : this.store.sort(),
      view: this.store.view() === 'bars' ? null : this.store.view(),
      division: this.store.division() || null,
    };
    void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl: true });
  }

  protected divisionLabel(division: string): string | null {
    const option = this.store.divisions().find((d) => d.value === division);
    return option?.label ? this.language.pick(option.label) : null;
  }

  protected openEntry(kpi: KpiReading | null): void {
    const fy = this.store.fiscalYear() ?? this.currentFy;
    const period = this.store.period();
    const years = period
      ? Array.from({ length: period.endFiscalYear - period.startFiscalYear + 1 }, (_, i) => period.endFiscalYear - i)
      : this.store.fiscalYears();
    const data: ManualEntryData = {
      kpis: this.store.kpis(),
      kpiId: kpi?.id ?? null,
      fiscalYear: fy,
      fiscalYears: years.length > 0 ? years : [fy],
    };
    this.dialog
      .open<ManualEntryDialog, ManualEntryData, ManualEntryResponse>(ManualEntryDialog, {
        data,
        width: '600px',
        maxWidth: '96vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((answer) => {
        if (!answer) return;
        this.store.applyReading(answer.kpi);
        this.snackBar.open(this.transloco.translate('entry.saved'), this.transloco.translate('common.close'), {
          duration: 4000,
        });
      });
  }
}
