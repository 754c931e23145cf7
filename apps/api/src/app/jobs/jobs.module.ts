import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { JobsController } from './jobs.controller';

@Global()
@Module({ controllers: [JobsController], providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
