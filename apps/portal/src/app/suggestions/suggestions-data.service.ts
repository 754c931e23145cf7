import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnswerSuggestionRequest,
  AnswerSuggestionResponse,
  CreateSuggestionRequest,
  CreateSuggestionResponse,
  OwnSuggestionView,
  PublicSuggestionView,
  StaffSuggestionView,
  SuggestionCategory,
  SuggestionListQuery,
  SuggestionPerson,
  SuggestionStats,
  SuggestionView,
  UpdateSuggestionRequest,
} from '@chamber/contracts';
import type { Observable } from 'rxjs';

/** Query parameters without the empty ones. */
export function suggestionParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/** Receipts of anonymous posts, kept on this device only (the server does not know whose they are). */
const RECEIPTS_KEY = 'cp.suggestionReceipts';

@Injectable({ providedIn: 'root' })
export class SuggestionsDataService {
  private readonly http = inject(HttpClient);

  /** An anonymous suggestion, read with its receipt (no account needed). */
  byReceipt(receipt: string): Observable<OwnSuggestionView> {
    return this.http.get<OwnSuggestionView>(`/api/suggestions/receipts/${encodeURIComponent(receipt)}`);
  }

  receipts(): string[] {
    try {
      const kept = JSON.parse(localStorage.getItem(RECEIPTS_KEY) ?? '[]') as unknown;
      return Array.isArray(kept) ? kept.filter((r): r is string => typeof r === 'string').slice(0, 200) : [];
    } catch {
      return [];
    }
  }

  keepReceipt(receipt: string): void {
    const all = [receipt, ...this.receipts().filter((r) => r !== receipt)];
    try {
      localStorage.setItem(RECEIPTS_KEY, JSON.stringify(all.slice(0, 200)));
    } catch {
      // storage full or off: the receipt is still shown once to be noted down
    }
  }

  create(body: CreateSuggestionRequest): Observable<CreateSuggestionResponse> {
    return this.http.post<CreateSuggestionResponse>('/api/suggestions', body);
  }

  mine(): Observable<OwnSuggestionView[]> {
    return this.http.get<OwnSuggestionView[]>('/api/suggestions');
  }

  inbox(query: SuggestionListQuery): Observable<StaffSuggestionView[]> {
    return this.http.get<StaffSuggestionView[]>('/api/suggestions', { params: suggestionParams(query) });
  }

  /** The same filters as the inbox, for a download link (the cookie authenticates it). */
  csvUrl(query: SuggestionListQuery): string {
    const params = suggestionParams(query).toString();
    return `/api/suggestions.csv${params ? `?${params}` : ''}`;
  }

  voices(q: string, category: SuggestionCategory | null): Observable<PublicSuggestionView[]> {
    return this.http.get<PublicSuggestionView[]>('/api/suggestions/public', {
      params: suggestionParams({ q: q.trim(), category }),
    });
  }

  one(id: string): Observable<SuggestionView> {
    return this.http.get<SuggestionView>(`/api/suggestions/${encodeURIComponent(id)}`);
  }

  update(id: string, body: UpdateSuggestionRequest): Observable<StaffSuggestionView> {
    return this.http.patch<StaffSuggestionView>(`/api/suggestions/${encodeURIComponent(id)}`, body);
  }

  answer(id: string, body: AnswerSuggestionRequest): Observable<AnswerSuggestionResponse> {
    return this.http.post<AnswerSuggestionResponse>(`/api/suggestions/${encodeURIComponent(id)}/answer`, body);
  }

  stats(fiscalYear: number): Observable<SuggestionStats> {
    return this.http.get<SuggestionStats>('/api/suggestions/stats', { params: { fiscalYear } });
  }

  assignees(): Observable<SuggestionPerson[]> {
    return this.http.get<SuggestionPerson[]>('/api/suggestions/assignees');
  }
}
