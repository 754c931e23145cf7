import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type {
  AnswerSuggestionRequest,
  CreateSuggestionRequest,
  SuggestionCategory,
  SuggestionListQuery,
  SuggestionStatus,
  UpdateSuggestionRequest,
} from '@chamber/contracts';
import {
  SUGGESTION_ANSWER_MAX,
  SUGGESTION_BODY_MAX,
  SUGGESTION_CATEGORIES,
  SUGGESTION_STATUSES,
} from '@chamber/contracts';
import { FiscalYearQuery, OptionalQueryInt } from '../../common/number-fields';

/** Surrounding white space is not part of a text; a text of spaces only is empty. */
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateSuggestionDto implements CreateSuggestionRequest {
  @ApiProperty({ enum: SUGGESTION_CATEGORIES, example: 'events' })
  @IsIn(SUGGESTION_CATEGORIES)
  category: SuggestionCategory;

  @ApiProperty({ example: 'セミナーを夜の時間帯にも開催してほしいです。', maxLength: SUGGESTION_BODY_MAX })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUGGESTION_BODY_MAX)
  body: string;

  @ApiProperty({ description: 'true: staff never see who posted it', example: false })
  @IsBoolean()
  anonymous: boolean;
}

export class UpdateSuggestionDto implements UpdateSuggestionRequest {
  @ApiPropertyOptional({ enum: ['in_review'] })
  @IsOptional()
  @IsIn(['in_review'])
  status?: 'in_review';

  @ApiPropertyOptional({ example: '総務課', nullable: true, description: 'null clears it' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  division?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'a staff account; null clears it' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ description: 'answered suggestions only: show the answer on the public page' })
  @IsOptional()
  @IsBoolean()
  answerPublic?: boolean;
}

export class AnswerSuggestionDto implements AnswerSuggestionRequest {
  @ApiProperty({ example: 'ご意見ありがとうございます。来年度から夜間セミナーを試行します。' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUGGESTION_ANSWER_MAX)
  body: string;

  @ApiPropertyOptional({ description: 'show it on the "voices and answers" page (never the poster)', default: false })
  @IsOptional()
  @IsBoolean()
  public?: boolean;
}

export class SuggestionListQueryDto implements SuggestionListQuery {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES)
  status?: SuggestionStatus;

  @ApiPropertyOptional({ enum: SUGGESTION_CATEGORIES })
  @IsOptional()
  @IsIn(SUGGESTION_CATEGORIES)
  category?: SuggestionCategory;

  @OptionalQueryInt({ description: 'received at least this many days ago', example: 14 }, 0, 3650)
  olderThanDays?: number;

  @ApiPropertyOptional({ example: '総務課' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  division?: string;

  @FiscalYearQuery({ example: 2026, description: 'fiscal year of receipt' })
  fiscalYear?: number;

  @ApiPropertyOptional({ description: 'words in the suggestion or its answer' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PublicSuggestionQueryDto {
  @ApiPropertyOptional({ description: 'words in the suggestion or its answer (kana- and width-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SUGGESTION_CATEGORIES })
  @IsOptional()
  @IsIn(SUGGESTION_CATEGORIES)
  category?: SuggestionCategory;
}

export class SuggestionStatsQueryDto {
  @FiscalYearQuery({ example: 2026, description: 'fiscal year of receipt; default the current one' })
  fiscalYear?: number;
}
