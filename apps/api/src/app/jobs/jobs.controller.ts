import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';

/** Staff see background jobs: failed ones after their retries, and what is waiting or running. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Background jobs and their state */
  @Roles('staff', 'admin')
  @Get()
  async list(@Query('state') state = 'failed'): Promise<unknown[]> {
    const states = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];
    const exists = (await this.dataSource.query(`SELECT to_regclass('pgboss.job') AS t`)) as { t: string | null }[];
    if (!exists[0]?.t) return [];
    // job payloads may name people: staff see the kind, state, tries and the error only
    return this.dataSource.query(
      `SELECT id, name, state, retry_count AS "retryCount", retry_limit AS "retryLimit", output->>'message' AS error,
              created_on AS "createdOn", completed_on AS "completedOn"
         FROM pgboss.job WHERE state = $1 ORDER BY created_on DESC LIMIT 200`,
      [states.includes(state) ? state : 'failed'],
    );
  }
}
