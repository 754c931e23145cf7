import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CancelRegistrationResponse, PublicRegistrationResponse, RegistrationView } from '@chamber/contracts';
import { Public } from '../auth/auth.decorators';
import { languageOf } from '../common/i18n/messages';
import { RateLimit } from '../common/rate-limit';
import { CancellationsService } from './cancellations.service';
import { PublicCancelDto, PublicLookupDto, PublicRegistrationDto } from './dto/registration.dto';
import { tokenHash } from '../common/link-tokens';
import { RegistrationViewsService } from './registration-views.service';
import { RegistrationsService } from './registrations.service';

/** Students and the public: no account, rate-limited per address. */
@ApiTags('public registrations')
@Controller('public')
export class PublicRegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly cancellations: CancellationsService,
    private readonly views: RegistrationViewsService,
  ) {}

  /** Sign up without an account (students, the public) */
  @Public()
  @RateLimit('public')
  @Post('events/:id/registrations')
  register(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PublicRegistrationDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<PublicRegistrationResponse> {
    // the form's language is the one its mails are written in
    return this.registrations.registerPublic(id, dto, languageOf(acceptLanguage));
  }

  /** Cancel a sign-up with its cancel token */
  @Public()
  @RateLimit('public')
  @Post('registrations/cancel')
  @HttpCode(200)
  cancel(@Body() dto: PublicCancelDto): Promise<CancelRegistrationResponse> {
    return this.cancellations.cancelByToken(dto.cancelToken, dto.registrationId);
  }

  /** Look a sign-up up by its cancel token */
  @Public()
  @RateLimit('public')
  @Post('registrations/lookup')
  @HttpCode(200)
  lookup(@Body() dto: PublicLookupDto): Promise<RegistrationView> {
    return this.views.forCancelToken(tokenHash(dto.cancelToken));
  }
}
