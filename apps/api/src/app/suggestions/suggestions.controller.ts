import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  AnswerSuggestionResponse,
  CreateSuggestionResponse,
  OwnSuggestionView,
  PublicSuggestionView,
  StaffSuggestionView,
  SuggestionPerson,
  SuggestionStats,
  SuggestionView,
} from '@chamber/contracts';
import { CHAMBER_ROLES } from '@chamber/contracts';
import { AuditSkip } from '../audit/audit.interceptor';
import { AuthUser, CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { RateLimit } from '../common/rate-limit';
import { AnonymousPostKey, isAnonymousPost, retryKeyOf } from './anonymous-post-key';
import {
  AnswerSuggestionDto,
  CreateSuggestionDto,
  PublicSuggestionQueryDto,
  SuggestionListQueryDto,
  SuggestionStatsQueryDto,
  UpdateSuggestionDto,
} from './dto/suggestion.dto';
import { SuggestionReadsService } from './suggestion-reads.service';
import { suggestionsCsv } from './suggestions-csv';
import { SuggestionsService } from './suggestions.service';

/** The suggestion box (目安箱). Fixed paths come before `suggestions/:id`. */
@ApiTags('suggestions')
@ApiBearerAuth()
@Controller()
export class SuggestionsController {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly reads: SuggestionReadsService,
  ) {}

  /**
   * Members post, named or anonymous; at most SUGGESTION_DAILY_LIMIT per account a day (429). An
   * anonymous post leaves no audit row and no idempotency record naming the account.
   */
  @Roles('member', 'member_admin')
  @AuditSkip(isAnonymousPost)
  @UseGuards(AnonymousPostKey)
  @Post('suggestions')
  create(
    @Body() dto: CreateSuggestionDto,
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
  ): Promise<CreateSuggestionResponse> {
    return this.suggestions.create(dto, user, retryKeyOf(req));
  }

  /** The anonymous poster follows their suggestion (and its answer) with the receipt they were given. */
  @Public()
  @RateLimit('public')
  @Get('suggestions/receipts/:receipt')
  byReceipt(@Param('receipt') receipt: string): Promise<OwnSuggestionView> {
    return this.reads.byReceipt(receipt.slice(0, 200));
  }

  /** Staff, managers and admins: the whole box (filters apply); members: their own only. */
  @Get('suggestions')
  list(
    @Query() q: SuggestionListQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<StaffSuggestionView[] | OwnSuggestionView[]> {
    return CHAMBER_ROLES.includes(user.role) ? this.reads.staffList(q) : this.reads.ownList(user.id);
  }

  /** Suggestions as CSV for Excel */
  @Roles('staff', 'manager', 'admin')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="suggestions.csv"')
  @Get('suggestions.csv')
  async csv(@Query() q: SuggestionListQueryDto): Promise<string> {
    return suggestionsCsv(await this.reads.staffList(q));
  }

  /** "Voices and answers": answered suggestions whose answer is public, never with their poster. */
  @Get('suggestions/public')
  publicList(@Query() q: PublicSuggestionQueryDto): Promise<PublicSuggestionView[]> {
    return this.reads.publicList(q);
  }

  /** Suggestions per category and status */
  @Roles('staff', 'manager', 'admin')
  @Get('suggestions/stats')
  stats(@Query() q: SuggestionStatsQueryDto): Promise<SuggestionStats> {
    return this.reads.stats(q.fiscalYear);
  }

  /** Staff a suggestion can be assigned to */
  @Roles('staff', 'manager', 'admin')
  @Get('suggestions/assignees')
  assignees(): Promise<SuggestionPerson[]> {
    return this.reads.assignees();
  }

  /** One suggestion with its answer */
  @Get('suggestions/:id')
  detail(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<SuggestionView> {
    return this.reads.detail(id, user);
  }

  /** Change a suggestion's status, category or assignee */
  @Roles('staff', 'admin')
  @Patch('suggestions/:id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSuggestionDto): Promise<StaffSuggestionView> {
    return this.suggestions.update(id, dto);
  }

  /** Answer a suggestion */
  @Roles('staff', 'admin')
  @HttpCode(200)
  @Post('suggestions/:id/answer')
  answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnswerSuggestionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AnswerSuggestionResponse> {
    return this.suggestions.answer(id, dto, user);
  }
}
