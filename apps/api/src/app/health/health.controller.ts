import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Public()
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and every migration is applied. */
  @Public()
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'ok'; migrations: 'applied' }> {
    try {
      await this.dataSource.query('SELECT 1');
      if (await this.dataSource.showMigrations()) throw new Error('pending migrations');
    } catch (e) {
      throw new ServiceUnavailableException({
        status: 'unavailable',
        reason: e instanceof Error ? e.message : 'database',
      });
    }
    return { status: 'ok', database: 'ok', migrations: 'applied' };
  }
}
