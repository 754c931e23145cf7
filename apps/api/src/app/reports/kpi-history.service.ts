import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KpiHistory } from '@chamber/contracts';
import { currentFiscalYear, elapsedShare, projectKpi } from '@chamber/domain';
import { notFound } from '../common/errors';
import { Kpi } from '../plan/entities/kpi.entity';
import { Plan } from '../plan/entities/plan.entity';
import { KpiService } from '../plan/kpi.service';

/** A KPI across its plan's years so far, each read exactly as GET /api/kpis reads that year. */
@Injectable()
export class KpiHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpiService,
  ) {}

  async history(kpiId: string, now = new Date()): Promise<KpiHistory> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const kpi = await m.findOne(Kpi, { where: { id: kpiId } });
      if (!kpi) throw notFound('kpi_not_found');
      const plan = await m.findOneOrFail(Plan, { where: { id: kpi.planId } });
      const current = currentFiscalYear(now);
      const last = Math.max(plan.startFiscalYear, Math.min(current, plan.endFiscalYear));
      const years: KpiHistory['years'] = [];
      let latest = await this.kpis.readOne(kpiId, plan.startFiscalYear, m);
      for (let fy = plan.startFiscalYear; fy <= last; fy++) {
        latest = fy === plan.startFiscalYear ? latest : await this.kpis.readOne(kpiId, fy, m);
        years.push({ fiscalYear: fy, value: latest.value, attainment: latest.attainment });
      }
      const elapsedOfLast = elapsedShare(last, last, now);
      return {
        kpi: latest,
        years,
        projection: projectKpi({ kind: kpi.kind, target: kpi.target }, years, plan.endFiscalYear, elapsedOfLast),
      };
    });
  }
}
