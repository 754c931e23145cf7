import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  ParticipantInput,
  PublicCancelRequest,
  PublicLookupRequest,
  PublicRegistrationRequest,
  RegisterParticipantsRequest,
} from '@chamber/contracts';
import { PersonFieldsDto } from '../../common/person.dto';
import { IsConsent, Trim } from '../../common/validators';

export class ParticipantDto extends PersonFieldsDto implements ParticipantInput {}

export class RegisterParticipantsDto implements RegisterParticipantsRequest {
  @ApiProperty({ type: [ParticipantDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants: ParticipantDto[];

  @ApiPropertyOptional({ description: 'staff only: the member company of the participants' })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}

const thisYear = new Date().getFullYear();

export class PublicRegistrationDto extends ParticipantDto implements PublicRegistrationRequest {
  @ApiPropertyOptional({ example: '相模原大学 経済学部' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  school?: string;

  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(thisYear + 10)
  graduationYear?: number;

  @ApiPropertyOptional({
    example: true,
    description:
      'agreed to the handling of personal data (個人情報の取扱い); the portal always sends true; false is refused',
  })
  @IsConsent()
  consent?: boolean;
}

export class PublicCancelDto implements PublicCancelRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  cancelToken: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  registrationId?: string;
}

export class PublicLookupDto implements PublicLookupRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  cancelToken: string;
}

export class MyRegistrationsQueryDto {
  @ApiPropertyOptional({ enum: ['own', 'company'], description: "company: a member_admin's whole company" })
  @IsOptional()
  @IsIn(['own', 'company'])
  scope?: 'own' | 'company';
}
