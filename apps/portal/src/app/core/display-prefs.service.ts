import { Injectable, computed, inject, signal } from '@angular/core';
import { fiscalYearStart } from '@chamber/domain';
import { LanguageService } from './language.service';

const WAREKI_KEY = 'cp.wareki';
const TOKYO = 'Asia/Tokyo';

/**
 * How dates are shown: always in Asia/Tokyo, optionally with Japanese era years (和暦, 令和8年).
 * Methods read signals, so templates that call them re-render when the language or the option changes.
 */
@Injectable({ providedIn: 'root' })
export class DisplayPrefsService {
  private readonly language = inject(LanguageService);
  private readonly warekiState = signal<boolean>(this.readWareki());

  readonly wareki = this.warekiState.asReadonly();

  private readonly calendarLocale = computed(() => {
    const base = this.language.locale();
    return this.warekiState() ? `${base}-u-ca-japanese` : base;
  });

  private readonly dateFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.calendarLocale(), {
        timeZone: TOKYO,
        ...(this.warekiState() ? { era: 'long' } : {}),
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        weekday: 'short',
      }),
  );

  private readonly dateTimeFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.calendarLocale(), {
        timeZone: TOKYO,
        ...(this.warekiState() ? { era: 'long' } : {}),
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );

  private readonly eraYearFormat = computed(
    () =>
      new Intl.DateTimeFormat(`${this.language.locale()}-u-ca-japanese`, {
        timeZone: TOKYO,
        era: 'long',
        year: 'numeric',
      }),
  );

  setWareki(on: boolean): void {
    this.warekiState.set(on);
    try {
      localStorage.setItem(WAREKI_KEY, on ? '1' : '0');
    } catch {
      // storage disabled: the option holds for this visit
    }
  }

  formatDate(instant: Date | string | number): string {
    return this.dateFormat().format(new Date(instant));
  }

  /** 2026/12/03 17:05 (Asia/Tokyo, to the minute). */
  formatDateTime(instant: Date | string | number): string {
    return this.dateTimeFormat().format(new Date(instant));
  }

  /** "2026年度" / "FY2026"; with 和暦 "令和8年度" / "FY2026 (Reiwa 8)". */
  fiscalYear(fy: number): string {
    const ja = this.language.lang() === 'ja';
    if (!this.warekiState()) return ja ? `${fy}年度` : `FY${fy}`;
    // The era of the fiscal year is the one in force for most of it (FY2019 is 令和元年度).
    const midYear = new Date(fiscalYearStart(fy).getTime() + 183 * 86_400_000);
    if (ja) return `${this.eraYearFormat().format(midYear)}度`;
    const parts = this.eraYearFormat().formatToParts(midYear);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `FY${fy} (${part('era')} ${part('year')})`;
  }

  private readWareki(): boolean {
    try {
      return localStorage.getItem(WAREKI_KEY) === '1';
    } catch {
      return false;
    }
  }
}
