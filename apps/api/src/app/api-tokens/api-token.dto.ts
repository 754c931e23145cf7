import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import type { ApiTokenScope, CreateApiTokenRequest } from '@chamber/contracts';
import { API_TOKEN_NAME_MAX, API_TOKEN_SCOPES } from '@chamber/contracts';
import { Trim } from '../common/validators';

// every element one of `values` (an alias: the OpenAPI build plugin would copy a bare @IsIn's list
// onto the array itself, and the array's items already say it)
const EachIn = (values: readonly string[]) => IsIn(values, { each: true });

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @ApiProperty({ example: '会計システム連携', maxLength: API_TOKEN_NAME_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(API_TOKEN_NAME_MAX)
  name: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...API_TOKEN_SCOPES] },
    example: ['events:read'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_TOKEN_SCOPES.length)
  @ArrayUnique()
  @EachIn(API_TOKEN_SCOPES)
  scopes: ApiTokenScope[];

  @ApiPropertyOptional({ example: '2027-03-31T23:59:59+09:00', description: 'absent: never expires' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
