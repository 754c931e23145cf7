import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FiscalYearQuery, IsFiscalYear } from '../../common/number-fields';

export class FiscalYearQueryDto {
  @FiscalYearQuery({
    example: 2019,
    description: 'fiscal year (its starting calendar year); default the current one',
  })
  fiscalYear?: number;
}

export class KpiQueryDto extends FiscalYearQueryDto {
  @ApiPropertyOptional({ example: '経営支援課', description: 'responsible division (substring)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  division?: string;

  @ApiPropertyOptional({ example: 'A' })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  pillar?: string;
}

export class ContinuePlanDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsFiscalYear()
  startFiscalYear: number;

  @ApiPropertyOptional({ example: 2028 })
  @IsOptional()
  @IsFiscalYear()
  endFiscalYear?: number;
}

export class CounterQueryDto extends FiscalYearQueryDto {
  @ApiPropertyOptional({ example: 'A1-1' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-C]\d-\d{1,2}$/)
  actionItemCode?: string;

  @ApiPropertyOptional({ example: 'registrations' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  measure?: string;
}
