import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type {
  CreateMemberRequest,
  MemberSearchQuery,
  MemberStatus,
  UpdateMemberRequest,
  Ward,
} from '@chamber/contracts';
import { MEMBER_STATUSES, WARDS } from '@chamber/contracts';
import { IsCalendarDate, IsCorporateNumber, IsFurigana, Trim } from '../../common/validators';
import { FiscalYearQuery, OptionalQueryInt } from '../../common/number-fields';

/** Fields both create and update take (all optional here; create makes some required). */
class MemberProfileFields {
  @ApiPropertyOptional({ example: '相模 太郎' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  representative?: string;

  @ApiPropertyOptional({ example: 'サガミ タロウ' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== '')
  @IsFurigana()
  @MaxLength(100)
  representativeKana?: string;

  @ApiPropertyOptional({ example: '252-0239' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(10)
  postalCode?: string;

  @ApiPropertyOptional({ example: '相模原市中央区中央3-12-3' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '042-753-1311' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ example: 'info@example.co.jp' })
  @IsOptional()
  @Trim()
  @ValidateIf((_o, v) => v !== '')
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'https://example.co.jp' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  website?: string;

  @ApiPropertyOptional({ example: 12, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  employees?: number | null;
}

export class CreateMemberDto extends MemberProfileFields implements CreateMemberRequest {
  @ApiProperty({ example: '相模原テスト商事株式会社' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'サガミハラテストショウジ', description: 'katakana; hiragana and half-width accepted' })
  @IsDefined()
  @IsFurigana()
  @MaxLength(200)
  nameKana: string;

  @ApiPropertyOptional({ example: '7010001088960', nullable: true, description: '13 digits, valid check digit' })
  @IsOptional()
  @IsCorporateNumber()
  corporateNumber?: string | null;

  @ApiProperty({ example: '卸売業' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  industry: string;

  @ApiProperty({ enum: WARDS })
  @IsIn(WARDS)
  ward: Ward;

  @ApiProperty({ example: '2020-04-01' })
  @IsDefined()
  @IsCalendarDate()
  joinedOn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  founder?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class UpdateMemberDto extends MemberProfileFields implements UpdateMemberRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsFurigana()
  @MaxLength(200)
  nameKana?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsCorporateNumber()
  corporateNumber?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ enum: WARDS })
  @IsOptional()
  @IsIn(WARDS)
  ward?: Ward;

  @ApiPropertyOptional({ example: '2020-04-01' })
  @IsOptional()
  @IsCalendarDate()
  joinedOn?: string;

  @ApiPropertyOptional({ example: '2021-03-31', nullable: true, description: 'records leaving; null undoes it' })
  @IsOptional()
  @IsCalendarDate()
  leftOn?: string | null;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  founder?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class MemberSearchQueryDto implements MemberSearchQuery {
  @ApiPropertyOptional({ description: 'name, furigana (any kana, any width) or corporate number' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @OptionalQueryInt({ default: 1 }, 1, 100000)
  page?: number;

  @OptionalQueryInt({ default: 20 }, 1, 200)
  pageSize?: number;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ enum: WARDS })
  @IsOptional()
  @IsIn(WARDS)
  ward?: Ward;
}

export class InactiveQueryDto {
  @FiscalYearQuery({ example: 2020, description: 'default: the current fiscal year' })
  fiscalYear?: number;

  @OptionalQueryInt({ default: 1 }, 1)
  page?: number;

  @OptionalQueryInt({ default: 50 }, 1, 500)
  pageSize?: number;

  @ApiPropertyOptional({ enum: WARDS })
  @IsOptional()
  @IsIn(WARDS)
  ward?: Ward;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['utf8', 'sjis'], default: 'utf8' })
  @IsOptional()
  @IsIn(['utf8', 'sjis'])
  encoding?: 'utf8' | 'sjis';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'check only: nothing is written' })
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'])
  dryRun?: string;

  @ApiPropertyOptional({ description: 'import the valid rows, leave out the invalid ones' })
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'])
  skipInvalid?: string;
}
