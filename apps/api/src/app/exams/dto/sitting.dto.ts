import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { CreateExamSittingRequest, ExamAudience, UpdateExamSittingRequest } from '@chamber/contracts';
import { EXAM_AUDIENCES } from '@chamber/contracts';
import { Trim } from '../../common/validators';
import { OptionalQueryInt } from '../../common/number-fields';

export class CreateExamSittingDto implements CreateExamSittingRequest {
  @ApiProperty({ example: 'boki' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  examCode: string;

  @ApiProperty({ example: '2', description: 'a grade code of the exam (`2`), or its name (`2級`)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  grade: string;

  @ApiProperty({ example: '2026-06-14T09:00:00+09:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiPropertyOptional({ example: '2026-06-14T11:00:00+09:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;

  @ApiProperty({ example: '相模原商工会議所 3階 会議室' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue: string;

  @ApiProperty({ example: 100 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @ApiProperty({ example: 4720, description: 'yen' })
  @IsInt()
  @Min(0)
  @Max(1000000)
  fee: number;

  @ApiProperty({ enum: EXAM_AUDIENCES })
  @IsIn(EXAM_AUDIENCES)
  audience: ExamAudience;

  @ApiPropertyOptional({ description: 'default: the start of the exam' })
  @IsOptional()
  @IsISO8601({ strict: true })
  applicationClosesAt?: string;

  @ApiPropertyOptional({ example: 'A1-7' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-C]\d-\d{1,2}$/)
  actionItemCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class UpdateExamSittingDto implements UpdateExamSittingRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsISO8601({ strict: true })
  endsAt?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  fee?: number;

  @ApiPropertyOptional({ enum: EXAM_AUDIENCES })
  @IsOptional()
  @IsIn(EXAM_AUDIENCES)
  audience?: ExamAudience;

  @ApiPropertyOptional({ nullable: true, description: 'null: the start of the exam' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsISO8601({ strict: true })
  applicationClosesAt?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ExamListQueryDto {
  @ApiPropertyOptional({ description: 'sittings from this day (YYYY-MM-DD, Tokyo) or instant' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ description: 'sittings before the end of this day (YYYY-MM-DD, Tokyo) or instant' })
  @IsOptional()
  @IsISO8601()
  to?: string;

  @ApiPropertyOptional({ example: 'boki' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  examCode?: string;

  @OptionalQueryInt({ example: 2026 }, 2000, 2100)
  fiscalYear?: number;
}

export class ExamStatsQueryDto {
  @OptionalQueryInt({ example: 2021, description: 'default: the current fiscal year' }, 2000, 2100)
  fiscalYear?: number;
}
