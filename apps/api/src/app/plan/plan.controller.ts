import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ActionItemEdit, KpiDefinition, PlanSummary, PlanView } from '@chamber/contracts';
import { ActionItemParamsDto, CreateKpiDto, UpdateActionItemDto } from './dto/kpi-definition.dto';
import { KpiDefinitionsService } from './kpi-definitions.service';
import { Roles } from '../auth/auth.decorators';
import { ContinuePlanDto, FiscalYearQueryDto } from './dto/plan-query.dto';
import { PlanService } from './plan.service';

@ApiTags('plan')
@ApiBearerAuth()
@Controller()
export class PlanController {
  constructor(
    private readonly plans: PlanService,
    private readonly definitions: KpiDefinitionsService,
  ) {}

  /** Add a KPI to an action item of a plan. */
  @Roles('staff', 'admin')
  @Post('plans/:id/kpis')
  addKpi(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateKpiDto): Promise<KpiDefinition> {
    return this.definitions.create(id, dto);
  }

  /** Change an action item's title or responsible division (audited; KPIs and ledger untouched). */
  @Roles('staff', 'admin')
  @Patch('plans/:id/items/:code')
  updateItem(@Param() p: ActionItemParamsDto, @Body() dto: UpdateActionItemDto): Promise<ActionItemEdit> {
    return this.definitions.updateItem(p.id, p.code, dto);
  }

  /** The chamber's action plans */
  @Get('plans')
  list(): Promise<PlanSummary[]> {
    return this.plans.list();
  }

  /** Continue a plan into a new period */
  @Roles('admin')
  @Post('plans/:id/continue')
  continue(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ContinuePlanDto): Promise<PlanView> {
    return this.plans.continuePlan(id, dto.startFiscalYear, dto.endFiscalYear);
  }

  /** The plan with its action items and KPI attainment for a fiscal year */
  @Get('plan')
  view(@Query() q: FiscalYearQueryDto): Promise<PlanView> {
    return this.plans.view(q.fiscalYear);
  }
}
