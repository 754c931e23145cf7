import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { KpiDefinitionsService } from './kpi-definitions.service';
import { KpiRecorder } from './kpi-recorder.service';
import { KpiStreamService } from './kpi-stream.service';
import { KpiService } from './kpi.service';
import { KpisController } from './kpis.controller';
import { PlanController } from './plan.controller';
import { PlanService } from './plan.service';

/** Pillars, themes, action items, KPIs, the ledger and its counters, and the dashboard stream. */
@Module({
  imports: [AuthModule],
  controllers: [PlanController, KpisController],
  providers: [PlanService, KpiService, KpiRecorder, KpiStreamService, KpiDefinitionsService],
  exports: [KpiRecorder, KpiService, PlanService],
})
export class PlanModule {}
