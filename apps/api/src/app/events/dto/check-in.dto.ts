import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type {
  CheckInByTokenRequest,
  CheckInSyncItem,
  CheckInSyncRequest,
  FollowUpAudience,
  FollowUpMailRequest,
  OutcomeType,
  RecordOutcomeRequest,
  RegistrationStatus,
  RosterCsvEncoding,
  RosterQuery,
} from '@chamber/contracts';
import {
  CHECK_IN_SYNC_MAX_ITEMS,
  FOLLOW_UP_AUDIENCES,
  OUTCOME_TYPES,
  REGISTRATION_STATUSES,
  ROSTER_CSV_ENCODINGS,
} from '@chamber/contracts';

export class CheckInByTokenDto implements CheckInByTokenRequest {
  @ApiProperty({ description: 'the text read from the QR code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  token: string;

  @ApiPropertyOptional({ description: 'the event being run: a ticket for another event is refused' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}

/** One check-in made on a device: by the text read from the QR code, or by the registration. */
export class CheckInSyncItemDto implements CheckInSyncItem {
  @ApiProperty({ description: 'made on the device (crypto.randomUUID); the same id again answers the same result' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  clientId: string;

  @ApiPropertyOptional({ description: 'the text read from the QR code (this or registrationId)' })
  @ValidateIf((o: CheckInSyncItemDto) => o.registrationId === undefined || o.token !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  token?: string;

  @ApiPropertyOptional({ description: 'the registration found by name on the device (this or token)' })
  @IsOptional()
  @IsUUID()
  registrationId?: string;

  @ApiProperty({ description: 'when the device scanned it (ISO 8601)', example: '2026-12-03T09:41:00+09:00' })
  @IsISO8601({ strict: true })
  scannedAt: string;
}

export class CheckInSyncDto implements CheckInSyncRequest {
  @ApiProperty({ description: "the device's own id, kept with the check-ins it made first" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  deviceId: string;

  @ApiProperty({ type: [CheckInSyncItemDto], maxItems: CHECK_IN_SYNC_MAX_ITEMS })
  @IsArray()
  @ArrayMaxSize(CHECK_IN_SYNC_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CheckInSyncItemDto)
  items: CheckInSyncItemDto[];
}

/** `?early=true`: staff confirm a check-in before the event's day. */
export class EarlyCheckInQuery {
  @ApiPropertyOptional({ description: "confirm a check-in before the event's day", enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'])
  early?: string;
}

export const isEarlyConfirmed = (q: EarlyCheckInQuery): boolean => q.early === 'true' || q.early === '1';

export class RecordOutcomeDto implements RecordOutcomeRequest {
  @ApiProperty({ enum: OUTCOME_TYPES })
  @IsIn(OUTCOME_TYPES)
  type: OutcomeType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RosterQueryDto implements RosterQuery {
  @ApiPropertyOptional({ description: 'name, furigana or email; hiragana/katakana/half-width insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
}

export class RosterFileQueryDto {
  @ApiPropertyOptional({ enum: ROSTER_CSV_ENCODINGS, default: 'utf8' })
  @IsOptional()
  @IsIn(ROSTER_CSV_ENCODINGS)
  encoding?: RosterCsvEncoding;

  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
}

export class FollowUpMailDto implements FollowUpMailRequest {
  @ApiProperty({ enum: FOLLOW_UP_AUDIENCES })
  @IsIn(FOLLOW_UP_AUDIENCES)
  audience: FollowUpAudience;

  @ApiProperty({ example: 'ご参加ありがとうございました' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  body: string;
}
