import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import type {
  ChangePasswordRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  TotpConfirmRequest,
} from '@chamber/contracts';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ description: 'at least 12 characters, not a common password', example: 'tsukimi-dango-2026' })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'member@example.jp' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'the token of the mailed link' })
  @IsString()
  @MaxLength(200)
  token: string;

  @ApiProperty({ description: 'at least 12 characters, not a common password' })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}

export class TotpConfirmDto implements TotpConfirmRequest {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/)
  code: string;
}
