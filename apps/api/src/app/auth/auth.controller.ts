import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { LoginResponse, SessionUser, TotpEnrolResponse } from '@chamber/contracts';
import { languageOf } from '../common/i18n/messages';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RateLimit } from '../common/rate-limit';
import { AuthUser, CurrentUser, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { ChangePasswordDto, PasswordResetConfirmDto, PasswordResetDto, TotpConfirmDto } from './dto/password.dto';
import { TOKEN_COOKIE } from './jwt.strategy';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns a bearer token, and sets it as an HttpOnly cookie for the portal. */
  @Public()
  @RateLimit('login')
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const answer = await this.auth.login(dto.email, dto.password, dto.totp);
    res.cookie(TOKEN_COOKIE, answer.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.production,
      path: '/api',
      maxAge: this.config.jwtTtlSeconds * 1000,
    });
    return answer;
  }

  /** This token (and the portal's cookie) is refused from now on. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(TOKEN_COOKIE, { path: '/api' });
  }

  /** The signed-in account */
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<SessionUser> {
    return this.auth.me(user.id);
  }

  /** Every other token of the account is refused from now on; this one goes on. */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
  }

  /** 202 whether or not the account exists; its owner gets a one-time link for an hour. */
  @Public()
  @RateLimit('login')
  @Post('password-reset')
  @HttpCode(202)
  async requestPasswordReset(
    @Body() dto: PasswordResetDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    await this.auth.requestPasswordReset(dto.email, languageOf(acceptLanguage));
  }

  /** Set a new password with the one-time link of a reset mail */
  @Public()
  @RateLimit('login')
  @Post('password-reset/confirm')
  @HttpCode(204)
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.auth.confirmPasswordReset(dto.token, dto.newPassword);
  }

  /** The secret is in the URL (for the QR code), shown this once. */
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @Post('totp/enrol')
  @HttpCode(200)
  enrolTotp(@CurrentUser() user: AuthUser): Promise<TotpEnrolResponse> {
    return this.auth.enrolTotp(user);
  }

  /** Confirm the second factor (TOTP) with a first code */
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @Post('totp/confirm')
  @HttpCode(204)
  confirmTotp(@Body() dto: TotpConfirmDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.confirmTotp(user, dto.code);
  }
}
