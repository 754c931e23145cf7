import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { ErasePersonalDataRequest } from '@chamber/contracts';
import { ToLowerTrim } from '../../common/validators';

export class PersonalDataQueryDto {
  @ApiProperty({ example: 'hanako@example.com' })
  @ToLowerTrim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @IsEmail()
  email: string;
}

export class ErasePersonalDataDto implements ErasePersonalDataRequest {
  @ApiProperty({ example: 'hanako@example.com' })
  @ToLowerTrim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @IsEmail()
  email: string;
}
