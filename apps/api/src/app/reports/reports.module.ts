import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PlanModule } from '../plan/plan.module';
import { AnnualReportService } from './annual-report.service';
import { KpiHistoryController } from './kpi-history.controller';
import { KpiHistoryService } from './kpi-history.service';
import { ReportsController } from './reports.controller';

/**
 * The annual report (事業報告) and KPI history: reads the plan's KPIs through KpiService (one
 * computation) and everything else of other domains through plain queries on the ledger.
 */
@Module({
  imports: [AuthModule, PlanModule],
  controllers: [ReportsController, KpiHistoryController],
  providers: [AnnualReportService, KpiHistoryService],
})
export class ReportsModule {}
