import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { AuditQuery } from '@chamber/contracts';
import { AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE_MAX } from '@chamber/contracts';
import { OptionalQueryInt } from '../../common/number-fields';

const DAY_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD (Asia/Tokyo, from the start of that day) or an ISO instant' })
  @IsOptional()
  @IsString()
  @Matches(DAY_OR_INSTANT)
  from?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (Asia/Tokyo, to the end of that day) or an ISO instant' })
  @IsOptional()
  @IsString()
  @Matches(DAY_OR_INSTANT)
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'registrations', description: 'the kind of record' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entity?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ enum: ['utf8', 'sjis'], default: 'utf8', description: 'CSV only' })
  @IsOptional()
  @IsIn(['utf8', 'sjis'])
  encoding?: 'utf8' | 'sjis';

  @OptionalQueryInt({ default: 1 }, 1, 100000)
  page?: number;

  @OptionalQueryInt({ default: AUDIT_PAGE_SIZE, maximum: AUDIT_PAGE_SIZE_MAX }, 1, AUDIT_PAGE_SIZE_MAX)
  pageSize?: number;
}
