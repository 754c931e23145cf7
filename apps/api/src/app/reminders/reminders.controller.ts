import { Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { RemindersService } from './reminders.service';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** Run today's reminders now (the queue runs them every morning at 09:00 Asia/Tokyo). */
  @Roles('admin')
  @Post('run')
  run(): Promise<{ events: number; exams: number }> {
    return this.reminders.sendDue(new Date());
  }
}
