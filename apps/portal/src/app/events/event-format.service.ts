import { Injectable, computed, inject } from '@angular/core';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { tokyoDateKey } from './event-time';

const TOKYO = 'Asia/Tokyo';

/** Event dates and times in Asia/Tokyo, in the UI language (和暦 when the user chose it). */
@Injectable({ providedIn: 'root' })
export class EventFormatService {
  private readonly language = inject(LanguageService);
  private readonly prefs = inject(DisplayPrefsService);

  private readonly locale = computed(() =>
    this.prefs.wareki() ? `${this.language.locale()}-u-ca-japanese` : this.language.locale(),
  );
  private readonly dayFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.locale(), {
        timeZone: TOKYO,
        ...(this.prefs.wareki() ? { era: 'short' } : {}),
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        weekday: 'short',
      }),
  );
  private readonly timeFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.language.locale(), {
        timeZone: TOKYO,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  private readonly monthFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.locale(), {
        timeZone: 'UTC',
        ...(this.prefs.wareki() ? { era: 'short' } : {}),
        year: 'numeric',
        month: 'long',
      }),
  );

  day(instant: string): string {
    return this.dayFormat().format(new Date(instant));
  }

  time(instant: string): string {
    return this.timeFormat().format(new Date(instant));
  }

  dateTime(instant: string | null | undefined): string {
    if (!instant) return '';
    return `${this.day(instant)} ${this.time(instant)}`;
  }

  /** "2026年5月1日(金) 10:00〜12:00", or both days when the event spans more than one. */
  range(startsAt: string, endsAt?: string | null): string {
    const start = `${this.day(startsAt)} ${this.time(startsAt)}`;
    if (!endsAt) return start;
    const end = tokyoDateKey(startsAt) === tokyoDateKey(endsAt) ? this.time(endsAt) : this.dateTime(endsAt);
    return `${start}${this.language.lang() === 'ja' ? '〜' : ' – '}${end}`;
  }

  /** "2026-05" → "2026年5月" / "May 2026". */
  month(month: string): string {
    return this.monthFormat().format(new Date(`${month}-01T00:00:00Z`));
  }
}
