import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PlanSummary, PlanView } from '@chamber/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PlanDataService {
  private readonly http = inject(HttpClient);

  plans(): Observable<PlanSummary[]> {
    return this.http.get<PlanSummary[]>('/api/plans');
  }

  /** The plan in force for a fiscal year, with its pillars, themes, action items and KPIs. */
  plan(fiscalYear: number): Observable<PlanView> {
    return this.http.get<PlanView>('/api/plan', { params: { fiscalYear } });
  }
}
