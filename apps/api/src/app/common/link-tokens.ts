import { Inject, Injectable } from '@nestjs/common';
import { createHash, createHmac, hkdfSync } from 'crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** What a link or code in a mail is for; part of the derivation, so one can never stand in for another. */
export type LinkPurpose =
  | 'registration_cancel'
  | 'registration_check_in'
  | 'exam_cancel'
  | 'member_invitation'
  | 'password_reset'
  | 'calendar_feed'
  | 'suggestion_receipt'
  // keyed hashes, never mailed: an account's daily count and retry key of anonymous suggestions
  | 'suggestion_quota'
  | 'suggestion_idempotency';

/** SHA-256 hex of a token: what the database keeps to find the record a token belongs to. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The secret tokens of links and QR codes (cancel links, check-in codes, invitations, …), derived from
 * the record's id with a server key: the database keeps only their hashes, and a mail rendered at
 * send time (or again, on a retry) carries the same token. `LINK_SECRET` sets the key; without it the
 * key is derived from the token-signing secret. Changing either invalidates the links already sent.
 */
@Injectable()
export class LinkTokens {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'jwtSecret' | 'linkSecret'>) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.linkSecret ?? config.jwtSecret, 'chamber-portal', 'link tokens v1', 32),
    );
  }

  /** base64url, 32 characters (192 bits); a check-in code 24 (144 bits), to fit a small QR code. */
  token(purpose: LinkPurpose, id: string): string {
    const mac = createHmac('sha256', this.key).update(`${purpose}:${id}`).digest('base64url');
    return mac.slice(0, purpose === 'registration_check_in' ? 24 : 32);
  }

  hash(purpose: LinkPurpose, id: string): string {
    return tokenHash(this.token(purpose, id));
  }
}
