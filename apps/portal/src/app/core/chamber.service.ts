import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { ChamberProfile } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from './language.service';

/** The chamber's identity (GET /api/chamber, public): its name and logo in the header. */
@Injectable({ providedIn: 'root' })
export class ChamberService {
  private readonly http = inject(HttpClient);
  private readonly language = inject(LanguageService);
  private readonly state = signal<ChamberProfile | null>(null);
  private loading: Promise<void> | null = null;

  readonly profile = this.state.asReadonly();
  /** the chamber's name in the UI language, '' until loaded */
  readonly name = computed(() => this.language.pick(this.state()?.name));

  /** Loads once; the header calls it, the settings page after saving calls `set`. */
  load(): Promise<void> {
    this.loading ??= firstValueFrom(this.http.get<ChamberProfile>('/api/chamber')).then(
      (p) => this.state.set(p),
      () => {
        this.loading = null; // offline or failing: the header keeps the product's name; try again later
      },
    );
    return this.loading;
  }

  set(profile: ChamberProfile): void {
    this.state.set(profile);
  }
}
