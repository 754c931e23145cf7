import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type {
  CheckInByTokenRequest,
  FollowUpAudience,
  FollowUpMailRequest,
  OutcomeType,
  RecordOutcomeRequest,
  RegistrationStatus,
  RosterCsvEncoding,
  RosterQuery,
} from '@chamber/contracts';
import { FOLLOW_UP_AUDIENCES, OUTCOME_TYPES, REGISTRATION_STATUSES, ROSTER_CSV_ENCODINGS } from '@chamber/contracts';

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
