import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { KpiHistory } from '@chamber/contracts';
import { Roles } from '../auth/auth.decorators';
import { KpiHistoryService } from './kpi-history.service';

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('kpis')
export class KpiHistoryController {
  constructor(private readonly history: KpiHistoryService) {}

  /** A KPI's value per fiscal year of its plan so far, and a linear projection to the period's end */
  @Roles('staff', 'manager', 'admin')
  @Get(':id/history')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<KpiHistory> {
    return this.history.history(id);
  }
}
