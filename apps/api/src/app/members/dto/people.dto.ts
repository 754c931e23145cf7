import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import type { AcceptInvitationRequest, InvitationRequest, PersonRequest } from '@chamber/contracts';
import { PASSWORD_MIN_LENGTH } from '@chamber/contracts';
import { IsFurigana, Trim } from '../../common/validators';

export class PersonDto implements PersonRequest {
  @ApiProperty({ example: '相模 花子' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'サガミ ハナコ' })
  @IsDefined()
  @IsFurigana()
  @MaxLength(100)
  nameKana: string;

  @ApiPropertyOptional({ example: 'hanako@example.co.jp' })
  @IsOptional()
  @Trim()
  @ValidateIf((_o, v) => v !== '')
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '042-000-0000' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ example: '総務部長' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  role?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  primary?: boolean;
}

export class UpdatePersonDto implements Partial<PersonRequest> {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsFurigana()
  @MaxLength(100)
  nameKana?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @ValidateIf((_o, v) => v !== '')
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  role?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  primary?: boolean;
}

export class InvitationDto implements InvitationRequest {
  @ApiProperty({ example: 'new.employee@example.co.jp' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: '相模 次郎' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: ['member', 'member_admin'], default: 'member' })
  @IsOptional()
  @IsIn(['member', 'member_admin'])
  role?: 'member' | 'member_admin';

  @ApiPropertyOptional({ enum: ['ja', 'en'], default: 'ja', description: 'the language of the invitation mail' })
  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: 'ja' | 'en';
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'not a common password' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ example: '相模 次郎' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  displayName?: string;
}
