import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
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

  @ApiPropertyOptional({
    description: 'the 6-digit code of the authenticator app, once TOTP is enrolled',
    example: '123456',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/)
  totp?: string;
}
