import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  CancelEventRequest,
  CreateEventRequest,
  EventAudience,
  EventKind,
  EventListQuery,
  EventStatus,
  UpdateEventRequest,
} from '@chamber/contracts';
import { EVENT_AUDIENCES, EVENT_KINDS, EVENT_STATUSES } from '@chamber/contracts';
import { IsInstant, Trim } from '../../common/validators';
import { OptionalQueryInt } from '../../common/number-fields';

const ACTION_ITEM_CODE = /^[A-Z]\d+-\d+$/;

export class EventTitleDto {
  @ApiProperty({ example: '2026年度 合同就職説明会' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ja: string;

  @ApiPropertyOptional({ example: 'Joint job fair 2026' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  en?: string;
}

export class EventTitlePatchDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ja?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  en?: string;
}

export class EventDescriptionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  ja?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  en?: string;
}

export class CreateEventDto implements CreateEventRequest {
  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({ type: EventTitleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EventTitleDto)
  title: EventTitleDto;

  @ApiPropertyOptional({ type: EventDescriptionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EventDescriptionDto)
  description?: EventDescriptionDto;

  @ApiProperty({ example: 'A1-1' })
  @IsString()
  @Matches(ACTION_ITEM_CODE)
  actionItemCode: string;

  @ApiProperty({ example: '2026-06-10T13:00:00+09:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2026-06-10T17:00:00+09:00' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ example: '相模原商工会議所 大ホール' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  venue: string;

  @ApiProperty({ example: 300 })
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity: number;

  @ApiProperty({ enum: EVENT_AUDIENCES })
  @IsIn(EVENT_AUDIENCES)
  audience: EventAudience;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInstant()
  registrationOpensAt?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'default: the end of the event' })
  @IsOptional()
  @IsInstant()
  registrationClosesAt?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'member gatherings: invitations sent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  invitedCount?: number | null;
}

export class UpdateEventDto implements UpdateEventRequest {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ type: EventTitlePatchDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EventTitlePatchDto)
  title?: EventTitlePatchDto;

  @ApiPropertyOptional({ type: EventDescriptionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EventDescriptionDto)
  description?: EventDescriptionDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ACTION_ITEM_CODE)
  actionItemCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  venue?: string;

  @ApiPropertyOptional({ description: 'raising it promotes as many waitlisted as fit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ enum: EVENT_AUDIENCES })
  @IsOptional()
  @IsIn(EVENT_AUDIENCES)
  audience?: EventAudience;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInstant()
  registrationOpensAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInstant()
  registrationClosesAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  invitedCount?: number | null;
}

export class EventListQueryDto implements EventListQuery {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (Asia/Tokyo) or an ISO instant: events starting from then' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (inclusive, Asia/Tokyo) or an ISO instant' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ enum: EVENT_AUDIENCES })
  @IsOptional()
  @IsIn(EVENT_AUDIENCES)
  audience?: EventAudience;

  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @OptionalQueryInt({ maximum: 500 }, 1, 500)
  limit?: number;
}

export class CancelEventDto implements CancelEventRequest {
  @ApiPropertyOptional({ example: '台風接近のため' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
