import { Injectable, computed, inject } from '@angular/core';
import type { ExamSitting } from '@chamber/contracts';
import { LanguageService } from '../core/language.service';
import { feeLabel } from './exam-rules';

const TOKYO = 'Asia/Tokyo';

/** Dates (always Asia/Tokyo), fees and exam names in the UI language. */
@Injectable({ providedIn: 'root' })
export class ExamFormatService {
  private readonly language = inject(LanguageService);

  private readonly day = computed(
    () =>
      new Intl.DateTimeFormat(this.language.locale(), {
        timeZone: TOKYO,
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        weekday: 'short',
      }),
  );
  private readonly time = computed(
    () =>
      new Intl.DateTimeFormat(this.language.locale(), {
        timeZone: TOKYO,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  private readonly dayTime = computed(
    () =>
      new Intl.DateTimeFormat(this.language.locale(), {
        timeZone: TOKYO,
        month: 'short',
        day: 'numeric',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  private readonly monthFormat = computed(
    () => new Intl.DateTimeFormat(this.language.locale(), { timeZone: 'UTC', year: 'numeric', month: 'long' }),
  );

  date(iso: string): string {
    return this.day().format(new Date(iso));
  }

  timeOf(iso: string): string {
    return this.time().format(new Date(iso));
  }

  dateTime(iso: string): string {
    return this.dayTime().format(new Date(iso));
  }

  /** `2026-06` → 2026年6月 / June 2026 */
  month(yyyyMm: string): string {
    return this.monthFormat().format(new Date(`${yyyyMm}-01T00:00:00Z`));
  }

  /** tax included, and saying so (税込) */
  fee(yen: number): string {
    return feeLabel(yen, this.language.lang());
  }

  /** 日商簿記 2級 / JCCI Bookkeeping, Grade 2 */
  examName(s: Pick<ExamSitting, 'exam' | 'gradeName'>): string {
    return this.language.lang() === 'ja'
      ? `${s.exam.name.ja} ${s.gradeName.ja}`
      : `${s.exam.name.en || s.exam.name.ja}, ${s.gradeName.en || s.gradeName.ja}`;
  }
}
