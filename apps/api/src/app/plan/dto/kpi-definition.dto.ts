import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { KPI_KINDS, type KpiKind } from '@chamber/contracts';
import { IsFiscalYear } from '../../common/number-fields';

export class LocalizedTextDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ja: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  en: string;
}

export class KpiTermDto {
  @ApiProperty({ example: 'attendance' })
  @IsString()
  @Matches(/^[a-z_]+(:[a-z_]+)*(:\*)?$/)
  @MaxLength(80)
  measure: string;

  @ApiPropertyOptional({ example: '*' })
  @IsOptional()
  @IsString()
  @Matches(/^(\*|[A-C]\d-\d{1,2})$/)
  actionItemCode?: string;

  @ApiPropertyOptional({ enum: [1, -1] })
  @IsOptional()
  @IsIn([1, -1])
  sign?: 1 | -1;
}

class BaselineDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn([true])
  previous?: true;

  @ApiPropertyOptional()
  @IsOptional()
  @IsFiscalYear()
  fiscalYear?: number;
}

/** A KPI staff add to an action item of a plan. */
export class CreateKpiDto {
  @ApiProperty({ example: 'A1-5' })
  @IsString()
  @Matches(/^[A-C]\d-\d{1,2}$/)
  actionItemCode: string;

  @ApiProperty({ example: 'A1-5-companies' })
  @IsString()
  @Matches(/^[A-C]\d-\d{1,2}-[a-z0-9-]{1,40}$/)
  code: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  label: LocalizedTextDto;

  @ApiProperty({ enum: KPI_KINDS })
  @IsIn(KPI_KINDS)
  kind: KpiKind;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  target?: number | null;

  @ApiProperty({ example: 'count' })
  @IsString()
  @Matches(/^[a-z]{1,20}$/)
  unit: string;

  @ApiPropertyOptional({ enum: ['plan', 'fiscal_year'] })
  @IsOptional()
  @IsIn(['plan', 'fiscal_year'])
  window?: 'plan' | 'fiscal_year';

  @ApiProperty({ type: [KpiTermDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => KpiTermDto)
  numerator: KpiTermDto[];

  @ApiPropertyOptional({ type: [KpiTermDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => KpiTermDto)
  denominator?: KpiTermDto[];

  @ApiPropertyOptional({ type: BaselineDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BaselineDto)
  baseline?: BaselineDto;
}

/** What staff may change on a KPI: its labels and target (the ledger is never rewritten). */
export class UpdateKpiDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  label?: LocalizedTextDto;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  target?: number | null;
}

/** An action item's title or responsible division (both languages); a field left out keeps its value. */
export class UpdateActionItemDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  division?: LocalizedTextDto;
}

export class ActionItemParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ example: 'A1-1', description: 'action item code' })
  @IsString()
  @MaxLength(20)
  @Matches(/^[A-Za-z0-9-]+$/)
  code: string;
}
