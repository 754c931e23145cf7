import { Body, Controller, Get, MessageEvent, Param, ParseUUIDPipe, Patch, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, interval, map, merge, takeUntil } from 'rxjs';
import type { KpiCounterView, KpiDefinition, KpiReading, ManualEntryResponse } from '@chamber/contracts';
import { UpdateKpiDto } from './dto/kpi-definition.dto';
import { KpiDefinitionsService } from './kpi-definitions.service';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { EventStreamLimits } from '../auth/event-stream-limits';
import { ManualEntryDto } from './dto/manual-entry.dto';
import { CounterQueryDto, KpiQueryDto } from './dto/plan-query.dto';
import { Shutdown } from '../common/shutdown';
import { KpiStreamService } from './kpi-stream.service';
import { KpiService } from './kpi.service';

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('kpis')
export class KpisController {
  constructor(
    private readonly kpis: KpiService,
    private readonly stream: KpiStreamService,
    private readonly definitions: KpiDefinitionsService,
    private readonly limits: EventStreamLimits,
    private readonly shutdown: Shutdown,
  ) {}

  /** Change a KPI's labels or target (audited; counters and ledger untouched). */
  @Roles('staff', 'admin')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateKpiDto): Promise<KpiDefinition> {
    return this.definitions.update(id, dto);
  }

  /** KPIs with their targets and attainment */
  @Roles('staff', 'manager', 'admin')
  @Get()
  list(@Query() q: KpiQueryDto): Promise<KpiReading[]> {
    return this.kpis.readings(q.fiscalYear, { division: q.division, pillar: q.pillar });
  }

  /**
   * The raw counters behind the KPIs (every measure, e.g. `registrations`, which no KPI of the plan
   * reads), each with the sum of its ledger rows, so that anyone can check counter = ledger.
   */
  @Roles('staff', 'manager', 'admin')
  @Get('counters')
  counters(@Query() q: CounterQueryDto): Promise<KpiCounterView[]> {
    return this.kpis.counters(q);
  }

  /**
   * Server-Sent Events: a `kpi` event after every committed change; a comment every 20 s keeps
   * proxies open. A few per account (429 beyond); each ends with its token or its session.
   */
  @Roles('staff', 'manager', 'admin')
  @ApiProduces('text/event-stream')
  @Sse('stream')
  events(@CurrentUser() user: AuthUser): Observable<MessageEvent> {
    // ends when the server stops (the portal reconnects), else the stream would hold the stop up
    return this.limits
      .bounded(
        user,
        merge(
          this.stream.events$.pipe(map((data): MessageEvent => ({ type: 'kpi', data }))),
          interval(20000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} }))),
        ),
      )
      .pipe(takeUntil(this.shutdown.stopping$));
  }

  /** Enter a figure by hand for a KPI counted outside the portal */
  @Roles('staff', 'admin')
  @Post(':id/entries')
  entry(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ManualEntryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ManualEntryResponse> {
    return this.kpis.manualEntry(id, dto, user.id);
  }

  /** Rebuilds every counter from the ledger (counters are a cache of it). */
  @Roles('admin')
  @Post('recount')
  recount(): Promise<{ counters: number; corrected: number }> {
    return this.kpis.recount();
  }
}
