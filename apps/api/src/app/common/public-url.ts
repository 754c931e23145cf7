import type { AppConfig } from '../config/app-config';

/**
 * The address people reach the portal at (PUBLIC_BASE_URL, no trailing slash): every link that
 * leaves the server (mails, calendar files, feed URLs) is absolute from it. Outside production,
 * without it, this server itself.
 */
export function publicBaseUrl(config: Pick<AppConfig, 'publicBaseUrl' | 'port'>): string {
  return (config.publicBaseUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
}

/** `path` (starting with /) made absolute from PUBLIC_BASE_URL. */
export function absoluteUrl(config: Pick<AppConfig, 'publicBaseUrl' | 'port'>, path: string): string {
  return `${publicBaseUrl(config)}${path.startsWith('/') ? path : `/${path}`}`;
}
