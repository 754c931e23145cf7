import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MailTemplatePreview, MailTemplateView } from '@chamber/contracts';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { MailTemplateParamsDto, MailTemplatePreviewDto, UpdateMailTemplateDto } from './mail-templates.dto';
import { MailTemplatesService } from './mail-templates.service';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail-templates')
export class MailTemplatesController {
  constructor(private readonly templates: MailTemplatesService) {}

  /** Every editable mail in both languages: its text now, whether staff changed it, its variables */
  @Roles('staff', 'admin')
  @Get()
  list(): Promise<MailTemplateView[]> {
    return this.templates.list();
  }

  /** One mail's text (the stored template, else the default) with the variables it may use */
  @Roles('staff', 'admin')
  @Get(':kind/:lang')
  get(@Param() p: MailTemplateParamsDto): Promise<MailTemplateView> {
    return this.templates.get(p.kind, p.lang);
  }

  /** Reword a mail: subject and body with `{{ variable }}`s; an unknown variable → 400 naming it */
  @Roles('staff', 'admin')
  @Put(':kind/:lang')
  put(
    @Param() p: MailTemplateParamsDto,
    @Body() dto: UpdateMailTemplateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MailTemplateView> {
    return this.templates.put(p.kind, p.lang, dto, user);
  }

  /** Back to the default text */
  @Roles('staff', 'admin')
  @Delete(':kind/:lang')
  @HttpCode(204)
  reset(@Param() p: MailTemplateParamsDto): Promise<void> {
    return this.templates.reset(p.kind, p.lang);
  }

  /** The mail as it would go out for a real registration, with the text given (not stored) */
  @Roles('staff', 'admin')
  @Post(':kind/:lang/preview')
  @HttpCode(200)
  preview(@Param() p: MailTemplateParamsDto, @Body() dto: MailTemplatePreviewDto): Promise<MailTemplatePreview> {
    return this.templates.preview(p.kind, p.lang, dto);
  }
}
