import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApiTokenView,
  CreateApiTokenRequest,
  CreateApiTokenResponse,
  CreateWebhookRequest,
  CreateWebhookResponse,
  UpdateWebhookRequest,
  WebhookDeliveryView,
  WebhookView,
} from '@chamber/contracts';
import type { Observable } from 'rxjs';

/** The integrations pages' calls: webhooks and API tokens (admin). */
@Injectable({ providedIn: 'root' })
export class IntegrationsDataService {
  private readonly http = inject(HttpClient);

  webhooks(): Observable<WebhookView[]> {
    return this.http.get<WebhookView[]>('/api/webhooks');
  }

  createWebhook(body: CreateWebhookRequest): Observable<CreateWebhookResponse> {
    return this.http.post<CreateWebhookResponse>('/api/webhooks', body);
  }

  updateWebhook(id: string, body: UpdateWebhookRequest): Observable<WebhookView> {
    return this.http.patch<WebhookView>(`/api/webhooks/${id}`, body);
  }

  deleteWebhook(id: string): Observable<void> {
    return this.http.delete<void>(`/api/webhooks/${id}`);
  }

  deliveries(id: string): Observable<WebhookDeliveryView[]> {
    return this.http.get<WebhookDeliveryView[]>(`/api/webhooks/${id}/deliveries`);
  }

  redeliver(id: string, deliveryId: string): Observable<unknown> {
    return this.http.post(`/api/webhooks/${id}/deliveries/${deliveryId}/redeliver`, {});
  }

  tokens(): Observable<ApiTokenView[]> {
    return this.http.get<ApiTokenView[]>('/api/api-tokens');
  }

  createToken(body: CreateApiTokenRequest): Observable<CreateApiTokenResponse> {
    return this.http.post<CreateApiTokenResponse>('/api/api-tokens', body);
  }

  revokeToken(id: string): Observable<void> {
    return this.http.delete<void>(`/api/api-tokens/${id}`);
  }
}
