import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { MailTemplateKind, MailTemplatePreviewRequest, UpdateMailTemplateRequest } from '@chamber/contracts';
import { MAIL_TEMPLATE_BODY_MAX, MAIL_TEMPLATE_KINDS, MAIL_TEMPLATE_SUBJECT_MAX } from '@chamber/contracts';

export class MailTemplateParamsDto {
  @ApiProperty({ enum: MAIL_TEMPLATE_KINDS })
  @IsIn(MAIL_TEMPLATE_KINDS)
  kind: MailTemplateKind;

  @ApiProperty({ enum: ['ja', 'en'] })
  @IsIn(['ja', 'en'])
  lang: 'ja' | 'en';
}

export class UpdateMailTemplateDto implements UpdateMailTemplateRequest {
  @ApiProperty({ example: '【お申込み受付】{{ eventTitle }}', maxLength: MAIL_TEMPLATE_SUBJECT_MAX })
  @IsString()
  @MaxLength(MAIL_TEMPLATE_SUBJECT_MAX)
  subject: string;

  @ApiProperty({ example: '{{ eventTitle }} のお申込みを受け付けました。', maxLength: MAIL_TEMPLATE_BODY_MAX })
  @IsString()
  @MaxLength(MAIL_TEMPLATE_BODY_MAX)
  body: string;
}

export class MailTemplatePreviewDto implements MailTemplatePreviewRequest {
  @ApiPropertyOptional({ maxLength: MAIL_TEMPLATE_SUBJECT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(MAIL_TEMPLATE_SUBJECT_MAX)
  subject?: string;

  @ApiPropertyOptional({ maxLength: MAIL_TEMPLATE_BODY_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(MAIL_TEMPLATE_BODY_MAX)
  body?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'by default the latest registration' })
  @IsOptional()
  @IsUUID()
  registrationId?: string;
}
