import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AnnualReport, ReportNarrative } from '@chamber/contracts';
import { pipeline, Readable } from 'stream';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ChamberService } from '../chamber/chamber.service';
import { AnnualReportQueryDto, NarrativeParamsDto, UpdateNarrativeDto } from './dto/report.dto';
import { annualReportPdf } from './annual-report-pdf';
import { annualReportXlsx } from './annual-report-xlsx';
import { AnnualReportService } from './annual-report.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: AnnualReportService,
    private readonly chamber: ChamberService,
  ) {}

  /** The annual report (事業報告) of a fiscal year: every KPI as GET /api/kpis reads it, the year's activity, the narrative */
  @Roles('staff', 'manager', 'admin')
  @Get('annual')
  annual(@Query() q: AnnualReportQueryDto): Promise<AnnualReport> {
    return this.reports.annual(q.fiscalYear);
  }

  /** The annual report as an Excel workbook: a sheet per pillar, printed A4 landscape */
  @Roles('staff', 'manager', 'admin')
  @Get('annual.xlsx')
  @ApiProduces(XLSX)
  async annualXlsx(@Query() q: AnnualReportQueryDto, @Res() res: Response): Promise<void> {
    const report = await this.reports.annual(q.fiscalYear);
    const name = (await this.chamber.profile()).name.ja;
    send(res, XLSX, `annual-report-FY${q.fiscalYear}.xlsx`, Readable.from([await annualReportXlsx(report, name)]));
  }

  /** The annual report as an A4 PDF in Japanese, with a chart per pillar */
  @Roles('staff', 'manager', 'admin')
  @Get('annual.pdf')
  @ApiProduces('application/pdf')
  async annualPdf(@Query() q: AnnualReportQueryDto, @Res() res: Response): Promise<void> {
    const report = await this.reports.annual(q.fiscalYear);
    const name = (await this.chamber.profile()).name.ja;
    send(res, 'application/pdf', `annual-report-FY${q.fiscalYear}.pdf`, annualReportPdf(report, name));
  }

  /** Staff's narrative of an action item for a year (評価, 課題, 次年度の取組), kept with its history */
  @Roles('staff', 'admin')
  @Put('annual/:fiscalYear/items/:code/narrative')
  narrative(
    @Param() p: NarrativeParamsDto,
    @Body() dto: UpdateNarrativeDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ReportNarrative> {
    return this.reports.updateNarrative(p.fiscalYear, p.code, dto, user);
  }

  /** Who changed an action item's narrative for a year, when, from what to what */
  @Roles('staff', 'manager', 'admin')
  @Get('annual/:fiscalYear/items/:code/narrative/history')
  narrativeHistory(@Param() p: NarrativeParamsDto) {
    return this.reports.narrativeHistory(p.fiscalYear, p.code);
  }
}

function send(res: Response, contentType: string, filename: string, body: Readable): void {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  pipeline(body, res, () => undefined);
}
