import { Module } from '@nestjs/common';
import { PlanModule } from '../plan/plan.module';
import { SuggestionMailRenderers } from './suggestion-mail-renderers';
import { SuggestionReadsService } from './suggestion-reads.service';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsService } from './suggestions.service';

/** The suggestion box (目安箱): posting, triage, answers and the C1-4 answer rate. */
@Module({
  imports: [PlanModule],
  controllers: [SuggestionsController],
  providers: [SuggestionsService, SuggestionReadsService, SuggestionMailRenderers],
})
export class SuggestionsModule {}
