import type { LocalizedText } from './common';

/** How certificates write dates: 2026年12月3日 or 令和8年12月3日. */
export type CertificateDateStyle = 'western' | 'japanese_era';
export const CERTIFICATE_DATE_STYLES: readonly CertificateDateStyle[] = ['western', 'japanese_era'];

/** Images the chamber uploads: the logo (portal header, badges, certificates) and the seal (certificates). */
export type ChamberImageKind = 'logo' | 'seal';
export const CHAMBER_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export const CHAMBER_IMAGE_MAX_BYTES = 1024 * 1024;

/** GET /api/chamber: the chamber's identity, as certificates, mails, calendars and the portal show it. */
export interface ChamberProfile {
  name: LocalizedText;
  postalCode: string;
  address: LocalizedText;
  phone: string;
  email: string;
  website: string;
  /** who signs certificates: 会頭 相模 太郎 */
  presidentTitle: LocalizedText;
  presidentName: LocalizedText;
  certificateDateStyle: CertificateDateStyle;
  /** where the images are served, when uploaded (the seal only to staff and admin) */
  logoUrl: string | null;
  sealUrl: string | null;
  updatedAt: string;
}

/** PATCH /api/chamber (admin): any field; `name.ja` may not be emptied. */
export interface UpdateChamberProfileRequest {
  name?: Partial<LocalizedText>;
  postalCode?: string;
  address?: Partial<LocalizedText>;
  phone?: string;
  email?: string;
  website?: string;
  presidentTitle?: Partial<LocalizedText>;
  presidentName?: Partial<LocalizedText>;
  certificateDateStyle?: CertificateDateStyle;
}

/** GET /api/me/calendar, POST /api/me/calendar/rotate: the caller's secret calendar feed. */
export interface CalendarFeedResponse {
  url: string;
}
