import { Module } from '@nestjs/common';
import { PlanModule } from '../plan/plan.module';
import { ExamApplicationsController } from './exam-applications.controller';
import { ExamApplicationsService } from './exam-applications.service';
import { ExamMailRenderers } from './exam-mail-renderers';
import { ExamResultsService } from './exam-results.service';
import { ExamSittingsService } from './exam-sittings.service';
import { ExamsController } from './exams.controller';

/** Certification exams (検定): catalogue, sittings, applications, results and the examinee KPIs. */
@Module({
  imports: [PlanModule],
  controllers: [ExamsController, ExamApplicationsController],
  providers: [ExamSittingsService, ExamApplicationsService, ExamResultsService, ExamMailRenderers],
})
export class ExamsModule {}
