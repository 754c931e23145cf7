import type { ExamResult } from '@chamber/contracts';

export interface ResultDto {
  result: ExamResult;
  score?: number | null;
}

export interface ResultsImport {
  bytes: Buffer;
  dryRun: boolean;
}
