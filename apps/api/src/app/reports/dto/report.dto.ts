import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsFiscalYear } from '../../common/number-fields';

export class AnnualReportQueryDto {
  @ApiProperty({ example: 2020, description: 'fiscal year (its starting calendar year), within a plan' })
  @Type(() => Number)
  @IsFiscalYear()
  fiscalYear: number;
}

export class NarrativeParamsDto extends AnnualReportQueryDto {
  @ApiProperty({ example: 'A1-1', description: 'action item code' })
  @IsString()
  @MaxLength(20)
  @Matches(/^[A-Za-z0-9-]+$/)
  code: string;
}

/** 評価, 課題, 次年度の取組: each optional; a field left out keeps its text. */
export class UpdateNarrativeDto {
  @ApiPropertyOptional({ example: '目標を上回る参加者を得た' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  evaluation?: string;

  @ApiPropertyOptional({ example: '参加企業の業種に偏りがある' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  issues?: string;

  @ApiPropertyOptional({ example: '製造業以外への案内を強化する' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  nextSteps?: string;
}
