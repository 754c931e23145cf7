import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthMailRenderers } from './auth-mail-renderers';
import { JwtAuthGuard, RolesGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { UserAccount } from './entities/user-account.entity';
import { EventStreamLimits } from './event-stream-limits';
import { JwtStrategy } from './jwt.strategy';
import { LoginBackoff } from './login-backoff';
import { SessionsService } from './sessions.service';
import { Totp } from './totp';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([UserAccount]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    AuthMailRenderers,
    EventStreamLimits,
    JwtStrategy,
    LoginBackoff,
    SessionsService,
    Totp,
    UsersService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [SessionsService, EventStreamLimits],
})
export class AuthModule {}
