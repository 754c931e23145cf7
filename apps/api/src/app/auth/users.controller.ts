import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeactivateUserResponse, UserAccountView } from '@chamber/contracts';
import { AuthUser, CurrentUser, Roles } from './auth.decorators';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Accounts with their role, company and state */
  @Roles('admin')
  @Get()
  list(): Promise<UserAccountView[]> {
    return this.users.list();
  }

  /** admin: any account; staff: member accounts; member_admin: the own company's. Its tokens get 401 at once. */
  @Roles('admin', 'staff', 'member_admin')
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<DeactivateUserResponse> {
    return this.users.deactivate(id, user);
  }
}
