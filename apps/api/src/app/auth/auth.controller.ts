import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { LoginResponse, SessionUser } from '@chamber/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RateLimit } from '../common/rate-limit';
import { AuthUser, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
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
    const answer = await this.auth.login(dto.email, dto.password);
    res.cookie(TOKEN_COOKIE, answer.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.production,
      path: '/api',
      maxAge: this.config.jwtTtlSeconds * 1000,
    });
    return answer;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(TOKEN_COOKIE, { path: '/api' });
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<SessionUser> {
    return this.auth.me(user.id);
  }
}
