import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import type { CreateWebhookRequest, UpdateWebhookRequest, WebhookEventType } from '@chamber/contracts';
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_EVENT_TYPES, WEBHOOK_URL_MAX } from '@chamber/contracts';
import { Trim } from '../common/validators';

// every element one of `values` (an alias: the OpenAPI build plugin would copy a bare @IsIn's list
// onto the array itself, and the array's items already say it)
const EachIn = (values: readonly string[]) => IsIn(values, { each: true });

// http(s) only, a host with or without a dot (a receiver may be "localhost" or an IP address);
// whether its address may be private is decided when it is checked and sent (webhook-target.ts)
const URL_RULE = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({ example: 'https://accounting.example.jp/hooks/chamber', maxLength: WEBHOOK_URL_MAX })
  @Trim()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX)
  @IsUrl(URL_RULE)
  url: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES] },
    example: ['registration.created'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @EachIn(WEBHOOK_EVENT_TYPES)
  events: WebhookEventType[];

  @ApiPropertyOptional({ example: '会計システム', maxLength: WEBHOOK_DESCRIPTION_MAX })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(WEBHOOK_DESCRIPTION_MAX)
  description?: string;
}

export class UpdateWebhookDto implements UpdateWebhookRequest {
  @ApiPropertyOptional({ example: 'https://accounting.example.jp/hooks/chamber', maxLength: WEBHOOK_URL_MAX })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX)
  @IsUrl(URL_RULE)
  url?: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES] } })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @EachIn(WEBHOOK_EVENT_TYPES)
  events?: WebhookEventType[];

  @ApiPropertyOptional({ description: 'true switches an endpoint back on (its failure count starts again)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
