import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import type { LoginRequest } from '@chamber/contracts';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'staff@example.jp' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo-pass-2019' })
  @IsString()
  @MaxLength(200)
  password: string;
}
