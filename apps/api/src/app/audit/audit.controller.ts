import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuditEntryView } from '@chamber/contracts';
import { Roles } from '../auth/auth.decorators';
import { excelCsvHeaders } from '../common/excel-csv';
import { auditCsv } from './audit-csv';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /**
   * The audit trail, newest first (who did what, when, to which record): a page as JSON (the total in
   * X-Total-Count), or with `format=csv` every matching row for Japanese Excel.
   */
  @Roles('admin', 'manager')
  @Get()
  @ApiProduces('application/json', 'text/csv')
  async list(
    @Query() q: AuditQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditEntryView[] | StreamableFile> {
    if (q.format === 'csv') {
      const csv = auditCsv(await this.audit.all(q), q.encoding ?? 'utf8');
      res.set(excelCsvHeaders(csv, 'audit.csv'));
      return new StreamableFile(csv.buffer);
    }
    const { items, total } = await this.audit.list(q);
    res.set({ 'X-Total-Count': String(total), 'Access-Control-Expose-Headers': 'X-Total-Count' });
    return items;
  }
}
