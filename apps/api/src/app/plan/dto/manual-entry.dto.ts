import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
} from 'class-validator';
import type { ManualEntryRequest, MilestoneStatus } from '@chamber/contracts';
import { MILESTONE_STATUSES } from '@chamber/contracts';
import { IsFiscalYear } from '../../common/number-fields';

/** `value` is a number, or a milestone status. */
function IsNumberOrMilestone() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIn',
      target: object.constructor,
      propertyName,
      constraints: [],
      options: {
        message: `must be a number or one of the following values: ${MILESTONE_STATUSES.join(', ')}`,
        context: { n: `number, ${MILESTONE_STATUSES.join(', ')}` },
      },
      validator: {
        validate: (v: unknown) =>
          (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e12) ||
          (MILESTONE_STATUSES as readonly unknown[]).includes(v),
      },
    });
}

export class ManualEntryDto implements ManualEntryRequest {
  @ApiProperty({ example: 2026 })
  @IsFiscalYear()
  fiscalYear: number;

  @ApiPropertyOptional({ description: 'add to the figure', example: 3 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e9)
  @Max(1e9)
  delta?: number;

  @ApiPropertyOptional({
    description: 'set the figure: a number, or a milestone status',
    oneOf: [{ type: 'number' }, { type: 'string', enum: [...MILESTONE_STATUSES] }],
    example: 'in_progress',
  })
  @IsOptional()
  @IsNumberOrMilestone()
  value?: number | MilestoneStatus;

  @ApiPropertyOptional({ enum: ['numerator', 'denominator'] })
  @IsOptional()
  @IsIn(['numerator', 'denominator'])
  part?: 'numerator' | 'denominator';

  @ApiProperty({ example: 'JITCO 訪問ヒアリング 3件' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note: string;
}
