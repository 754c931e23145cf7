import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { CertificateDateStyle, LocalizedText, UpdateChamberProfileRequest } from '@chamber/contracts';
import { CERTIFICATE_DATE_STYLES } from '@chamber/contracts';
import { Trim } from '../../common/validators';

/** A text in both languages, either given alone. */
class PartialLocalizedDto implements Partial<LocalizedText> {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  ja?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  en?: string;
}

/** The chamber's name: its Japanese name may be changed, never emptied. */
class ChamberNameDto extends PartialLocalizedDto {
  @ApiPropertyOptional({ example: '相模原商工会議所' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  declare ja?: string;
}

export class UpdateChamberProfileDto implements UpdateChamberProfileRequest {
  @ApiPropertyOptional({ type: ChamberNameDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChamberNameDto)
  name?: ChamberNameDto;

  @ApiPropertyOptional({ example: '252-0239' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== '')
  @Matches(/^\d{3}-?\d{4}$/)
  postalCode?: string;

  @ApiPropertyOptional({ type: PartialLocalizedDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartialLocalizedDto)
  address?: PartialLocalizedDto;

  @ApiPropertyOptional({ example: '042-753-0000' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== '')
  @Matches(/^[0-9０-９+()\- ]{6,20}$/)
  phone?: string;

  @ApiPropertyOptional({ example: 'info@example.jp' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== '')
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: 'https://www.example.jp/' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== '')
  @Matches(/^https?:\/\/[^\s]+$/)
  @MaxLength(300)
  website?: string;

  @ApiPropertyOptional({ type: PartialLocalizedDto, description: '会頭 / President' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartialLocalizedDto)
  presidentTitle?: PartialLocalizedDto;

  @ApiPropertyOptional({ type: PartialLocalizedDto, description: 'who signs certificates' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartialLocalizedDto)
  presidentName?: PartialLocalizedDto;

  @ApiPropertyOptional({ enum: CERTIFICATE_DATE_STYLES, description: 'japanese_era: 令和8年12月3日' })
  @IsOptional()
  @IsIn(CERTIFICATE_DATE_STYLES)
  certificateDateStyle?: CertificateDateStyle;
}
