import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';
import { authenticator } from 'otplib';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** one step either side: a phone clock 30 s off still works */
authenticator.options = { window: 1 };

/**
 * TOTP (RFC 6238, as authenticator apps read it) with otplib. The secret is shown once, in the
 * enrolment's otpauth URL, and kept encrypted (AES-256-GCM, key derived from the server's secret):
 * a copy of the database alone does not give anyone's second factor.
 */
@Injectable()
export class Totp {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'jwtSecret' | 'linkSecret'>) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.linkSecret ?? config.jwtSecret, 'chamber-portal', 'totp secrets v1', 32),
    );
  }

  newSecret(): string {
    return authenticator.generateSecret(20);
  }

  otpauthUrl(email: string, secret: string): string {
    return authenticator.keyuri(email, 'Chamber Portal', secret);
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url */
  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown TOTP secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** the code typed against the sealed secret */
  verify(sealed: string, code: string): boolean {
    if (!/^\d{6}$/.test(code)) return false;
    try {
      return authenticator.check(code, this.open(sealed));
    } catch {
      return false;
    }
  }
}
