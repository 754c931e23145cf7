import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { KPI_STATUSES } from '@chamber/contracts';
import type { KpiReading, ManualEntryResponse } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { AttainmentChartComponent } from './attainment-chart.component';
import { DashboardStore } from './dashboard.store';
import { KpiCardComponent } from './kpi-card.component';
import { ManualEntryDialog, type ManualEntryData } from './manual-entry.dialog';

@Component({
  selector: 'cp-dashboard-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    AttainmentChartComponent,
    KpiCardComponent,
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

  protected readonly statuses = KPI_STATUSES;
  protected readonly currentFy = currentFiscalYear();

  constructor() {
    this.store.start();
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
