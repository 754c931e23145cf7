import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Language, LocalizedText } from '@chamber/contracts';

export const LANGUAGES: readonly Language[] = ['ja', 'en'];
const STORAGE_KEY = 'cp.lang';

function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}

/** The UI language: Japanese by default, remembered in localStorage, mirrored on <html lang>. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(this.stored());

  readonly lang = this.current.asReadonly();
  /** BCP 47 locale for Intl formatting. */
  readonly locale = computed(() => (this.current() === 'ja' ? 'ja-JP' : 'en-US'));

  /** Applies the remembered language; call once before the first render. */
  init(): Language {
    this.apply(this.current());
    return this.current();
  }

  set(lang: Language): void {
    if (!isLanguage(lang)) return;
    this.current.set(lang);
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // private mode or storage disabled: the choice still holds for this visit
    }
    this.apply(lang);
  }

  /** The current language's side of a bilingual text (falls back to Japanese, the source language). */
  pick(text: LocalizedText | null | undefined): string {
    if (!text) return '';
    return (this.current() === 'en' ? text.en : text.ja) || text.ja || text.en || '';
  }

  private apply(lang: Language): void {
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
  }

  private stored(): Language {
    try {
      const value = localStorage.getItem(STORAGE_KEY);
      return isLanguage(value) ? value : 'ja';
    } catch {
      return 'ja';
    }
  }
}
