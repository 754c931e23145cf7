import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApiTokenView, CreateApiTokenResponse } from '@chamber/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../common/auth-user';
import { CreateApiTokenDto } from './api-token.dto';
import { ApiTokensService } from './api-tokens.service';

/** Admins issue tokens for other systems, see when each was last used, and revoke them. */
@ApiTags('api-tokens')
@ApiBearerAuth()
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  /** Issue an API token (shown this once) */
  @Roles('admin')
  @Post()
  create(@Body() dto: CreateApiTokenDto, @CurrentUser() user: AuthUser): Promise<CreateApiTokenResponse> {
    return this.tokens.create(dto, user);
  }

  /** API tokens in force (never the tokens themselves) */
  @Roles('admin')
  @Get()
  list(): Promise<ApiTokenView[]> {
    return this.tokens.list();
  }

  /** Revoke an API token: refused from the next call on */
  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.tokens.revoke(id);
  }
}
