import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PlanSummary, PlanView } from '@chamber/contracts';
import { Roles } from '../auth/auth.decorators';
import { ContinuePlanDto, FiscalYearQueryDto } from './dto/plan-query.dto';
import { PlanService } from './plan.service';

@ApiTags('plan')
@ApiBearerAuth()
@Controller()
export class PlanController {
  constructor(private readonly plans: PlanService) {}

  @Get('plans')
  list(): Promise<PlanSummary[]> {
    return this.plans.list();
  }

  @Roles('admin')
  @Post('plans/:id/continue')
  continue(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ContinuePlanDto): Promise<PlanView> {
    return this.plans.continuePlan(id, dto.startFiscalYear, dto.endFiscalYear);
  }

  @Get('plan')
  view(@Query() q: FiscalYearQueryDto): Promise<PlanView> {
    return this.plans.view(q.fiscalYear);
  }
}
