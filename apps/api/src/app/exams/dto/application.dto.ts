import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type {
  ExamApplicationRequest,
  ExamCandidate,
  ExamFeeStatus,
  ExamResult,
  ExamResultRequest,
  ExamResultsImportRequest,
  PublicExamApplicationRequest,
  PublicExamCancelRequest,
  UpdateExamApplicationRequest,
} from '@chamber/contracts';
import { EXAM_FEE_STATUSES, EXAM_RESULTS } from '@chamber/contracts';
import { PersonFieldsDto } from '../../common/person.dto';
import { IsBirthDate, IsConsent, IsPhone, ToPhone } from '../../common/validators';

export class ExamCandidateDto extends PersonFieldsDto implements ExamCandidate {
  @ApiPropertyOptional({ example: '2000-04-01' })
  @IsOptional()
  @IsString()
  @IsBirthDate()
  birthDate?: string;

  @ApiPropertyOptional({ example: '042-753-1315' })
  @IsOptional()
  @ToPhone()
  @IsString()
  @IsPhone()
  phone?: string;
}

export class ExamApplicationDto implements ExamApplicationRequest {
  @ApiProperty({ type: [ExamCandidateDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ExamCandidateDto)
  candidates: ExamCandidateDto[];
}

export class PublicExamApplicationDto extends PersonFieldsDto implements PublicExamApplicationRequest {
  @ApiProperty({ example: '2004-05-06' })
  @IsString()
  @IsNotEmpty()
  @IsBirthDate()
  birthDate: string;

  @ApiProperty({ example: '090-1234-5678' })
  @ToPhone()
  @IsString()
  @IsNotEmpty()
  @IsPhone()
  phone: string;

  @ApiPropertyOptional({
    example: true,
    description:
      'agreed to the handling of personal data (個人情報の取扱い); the portal always sends true; false is refused',
  })
  @IsConsent()
  consent?: boolean;
}

export class PublicExamCancelDto implements PublicExamCancelRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  cancelToken: string;
}

export class UpdateExamApplicationDto implements UpdateExamApplicationRequest {
  @ApiProperty({ enum: EXAM_FEE_STATUSES })
  @IsIn(EXAM_FEE_STATUSES)
  feeStatus: ExamFeeStatus;
}

export class ExamResultDto implements ExamResultRequest {
  @ApiProperty({ enum: EXAM_RESULTS })
  @IsIn(EXAM_RESULTS)
  result: ExamResult;

  @ApiPropertyOptional({ nullable: true, example: 82 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  score?: number | null;
}

export class ExamResultsImportDto implements ExamResultsImportRequest {
  @ApiPropertyOptional({ description: 'the CSV text (UTF-8)' })
  @IsOptional()
  @IsString()
  @MaxLength(5_000_000)
  csv?: string;

  @ApiPropertyOptional({ description: 'the file bytes in base64 (UTF-8 with or without BOM, or CP932)' })
  @IsOptional()
  @IsString()
  @MaxLength(7_000_000)
  csvBase64?: string;
}
