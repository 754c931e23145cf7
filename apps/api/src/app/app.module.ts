import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { ChamberModule } from './chamber/chamber.module';
import { EventsModule } from './events/events.module';
import { ExamsModule } from './exams/exams.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { loggingParams } from './common/logging';
import { Shutdown } from './common/shutdown';
import { ClientAddressThrottlerGuard } from './common/rate-limit';
import { PostgresThrottlerStorage } from './common/rate-limit-storage';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { DATABASE_INFO, DatabaseInfo } from './common/database-info';
import { dataSourceOptions } from './database/data-source-options';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail/mail.module';
import { MembersModule } from './members/members.module';
import { PlanModule } from './plan/plan.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';
import { SuggestionsModule } from './suggestions/suggestions.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** A per-minute limit; 0 turns it off. */
const perMinute = (limit: number) => ({ ttl: 60_000, limit: limit > 0 ? limit : Number.MAX_SAFE_INTEGER });

@Module({})
export class AppModule {
  static register(config: AppConfig, db: DatabaseInfo): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggingParams(config.logLevel)),
        // one connection on the embedded database: PGlite runs one statement at a time anyway
        TypeOrmModule.forRoot({
          ...dataSourceOptions(db.url, { poolSize: db.embedded ? 1 : config.databasePoolSize, stream: db.stream }),
        }),
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            throttlers: [
              { name: 'login', ...perMinute(config.loginRateLimit) },
              { name: 'public', ...perMinute(config.publicRateLimit) },
            ],
            storage: new PostgresThrottlerStorage(dataSource),
          }),
        }),
        AuditModule,
        ApiTokensModule,
        AuthModule,
        CalendarModule,
        ChamberModule,
        EventsModule,
        ExamsModule,
        JobsModule,
        MailModule,
        MembersModule,
        PlanModule,
        PrivacyModule,
        RemindersModule,
        ReportsModule,
        SuggestionsModule,
        WebhooksModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_INFO, useValue: db },
        Shutdown,
        ClientAddressThrottlerGuard,
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [APP_CONFIG, DATABASE_INFO, Shutdown],
    };
  }
}
