import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ConsultationKind, ConsultationRequest, VisitRequest } from '@chamber/contracts';
import { CONSULTATION_KINDS } from '@chamber/contracts';
import { IsCalendarDate, Trim } from '../../common/validators';
import { FiscalYearQuery, OptionalQueryInt } from '../../common/number-fields';

export class ConsultationDto implements ConsultationRequest {
  @ApiProperty({ enum: CONSULTATION_KINDS })
  @IsIn(CONSULTATION_KINDS)
  kind: ConsultationKind;

  @ApiProperty({ example: '2020-04-01', description: 'YYYY-MM-DD in Asia/Tokyo, or an instant read in Tokyo' })
  @IsDefined()
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '資金繰りについて相談。マル経融資を案内。' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary: string;

  @ApiPropertyOptional({ description: 'the staff member who gave it (default: the caller)' })
  @IsOptional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ example: '2020-05-01', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  followUpOn?: string | null;
}

export class VisitDto implements VisitRequest {
  @ApiProperty({ example: '2020-06-15' })
  @IsDefined()
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '新商品の販路について聞き取り' })
  @Trim()
  @IsString()
  @MaxLength(4000)
  note: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  staffId?: string;
}

export class LogQueryDto {
  @FiscalYearQuery({ example: 2020 })
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: CONSULTATION_KINDS })
  @IsOptional()
  @IsIn(CONSULTATION_KINDS)
  kind?: ConsultationKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @OptionalQueryInt({ default: 1 }, 1)
  page?: number;

  @OptionalQueryInt({ default: 50 }, 1, 500)
  pageSize?: number;
}
