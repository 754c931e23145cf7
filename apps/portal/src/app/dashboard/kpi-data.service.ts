import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  KpiEvent,
  KpiReading,
  ManualEntryRequest,
  ManualEntryResponse,
  PlanSummary,
  PlanView,
} from '@chamber/contracts';
import { Observable } from 'rxjs';

export type StreamState = 'connecting' | 'live' | 'offline';
export type StreamMessage = { type: 'state'; state: StreamState } | { type: 'kpi'; event: KpiEvent };

/** Longest wait before opening the stream again after the server refused it outright. */
const MAX_RETRY_MS = 60_000;

/** Everything the management dashboard reads and writes. */
@Injectable({ providedIn: 'root' })
export class KpiDataService {
  private readonly http = inject(HttpClient);

  plans(): Observable<PlanSummary[]> {
    return this.http.get<PlanSummary[]>('/api/plans');
  }

  /** For pillar names and division labels of the plan in force for a fiscal year. */
  plan(fiscalYear: number): Observable<PlanView> {
    return this.http.get<PlanView>('/api/plan', { params: { fiscalYear } });
  }

  kpis(fiscalYear: number): Observable<KpiReading[]> {
    return this.http.get<KpiReading[]>('/api/kpis', { params: { fiscalYear } });
  }

  addEntry(kpiId: string, body: ManualEntryRequest): Observable<ManualEntryResponse> {
    return this.http.post<ManualEntryResponse>(`/api/kpis/${encodeURIComponent(kpiId)}/entries`, body);
  }

  /**
   * Live KPI changes over Server-Sent Events, authenticated by the session cookie. EventSource
   * reconnects by itself after a dropped connection; when the server answers with an error status
   * it gives up, so we open a new one after a growing pause. Unsubscribing closes it.
   */
  stream(): Observable<StreamMessage> {
    return new Observable<StreamMessage>((subscriber) => {
      let source: EventSource | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let retryMs = 2_000;

      const onKpi = (message: MessageEvent<string>) => {
        try {
          subscriber.next({ type: 'kpi', event: JSON.parse(message.data) as KpiEvent });
        } catch {
          // a malformed frame is skipped; the next refetch corrects the figures
        }
      };

      const open = () => {
        timer = null;
        // ngsw-bypass: the stream goes to the network past the service worker, never through it
        source = new EventSource('/api/kpis/stream?ngsw-bypass=1', { withCredentials: true });
        subscriber.next({ type: 'state', state: 'connecting' });
        source.addEventListener('kpi', onKpi);
        source.onopen = () => {
          retryMs = 2_000;
          subscriber.next({ type: 'state', state: 'live' });
        };
        source.onerror = () => {
          if (source?.readyState === EventSource.CLOSED) {
            subscriber.next({ type: 'state', state: 'offline' });
            source.removeEventListener('kpi', onKpi);
            source = null;
            timer = setTimeout(open, retryMs);
            retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
          } else {
            subscriber.next({ type: 'state', state: 'connecting' });
          }
        };
      };

      open();
      return () => {
        if (timer) clearTimeout(timer);
        if (source) {
          source.removeEventListener('kpi', onKpi);
          source.close();
        }
      };
    });
  }
}
