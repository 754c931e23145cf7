// Integrations (API.md, Integrations): webhooks and API tokens, as the API answers and the portal reads.

export const WEBHOOK_EVENT_TYPES = [
  'registration.created',
  'registration.cancelled',
  'registration.promoted',
  'registration.checked_in',
  'registration.outcome_recorded',
  'exam_application.created',
  'exam_application.result_recorded',
  'member.created',
  'member.updated',
  'member.left',
  'suggestion.created',
  'suggestion.answered',
  'kpi.changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_URL_MAX = 2000;
export const WEBHOOK_DESCRIPTION_MAX = 500;

export interface CreateWebhookRequest {
  url: string;
  events: WebhookEventType[];
  description?: string;
}

/** 201: the secret is shown this once (`whsec_` + base64, Standard Webhooks). */
export interface CreateWebhookResponse {
  id: string;
  secret: string;
}

export interface UpdateWebhookRequest {
  url?: string;
  events?: WebhookEventType[];
  active?: boolean;
}

/** An endpoint as listed: never its secret. `disabledAt`: switched off after repeated failures. */
export interface WebhookView {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEventType[];
  active: boolean;
  consecutiveFailures: number;
  disabledAt: string | null;
  createdAt: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveryView {
  id: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

export const API_TOKEN_SCOPES = [
  'members:read',
  'events:read',
  'registrations:read',
  'registrations:write',
  'exams:read',
  'kpis:read',
  'suggestions:read',
] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_NAME_MAX = 100;

export interface CreateApiTokenRequest {
  name: string;
  scopes: ApiTokenScope[];
  /** ISO 8601; absent: never expires */
  expiresAt?: string;
}

/** 201: the token is shown this once (`cpt_` + random); only its hash is kept. */
export interface CreateApiTokenResponse {
  id: string;
  token: string;
}

export interface ApiTokenView {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}
