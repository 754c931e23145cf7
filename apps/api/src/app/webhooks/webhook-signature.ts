import { randomBytes } from 'crypto';
import { Webhook } from 'standardwebhooks';

/** A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
export function newWebhookSecret(): string {
  return 'whsec_' + randomBytes(32).toString('base64');
}

/**
 * The Standard Webhooks headers of one try, signed by the specification's own library:
 * `webhook-signature` is `v1,` + base64 of the HMAC-SHA256, keyed with the secret's decoded bytes,
 * of `id.timestamp.body`.
 */
export function signedHeaders(secret: string, id: string, body: string, at = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = new Webhook(secret).sign(id, at, body);
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
}
