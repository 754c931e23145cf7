import { isIP } from 'net';

/**
 * What express' `trust proxy` gets: false (the socket's address is the client), a number of proxy
 * hops in front of the server, or the proxies' addresses (IPs, CIDR ranges or express' names).
 * Never `true`: that trusts the left-most X-Forwarded-For entry, which the client writes itself.
 */
export type TrustProxy = false | number | string[];

const NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (NAMES.includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (!family) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: unset/false/0, a hop count (1 = one proxy such as Caddy), or a comma-separated address list. */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy; problem?: string; warning?: string } {
  const text = (raw ?? '').trim();
  if (text === '' || /^(false|no|0)$/i.test(text)) return { value: false };
  if (/^(true|yes)$/i.test(text)) {
    return {
      value: 1,
      warning:
        'TRUST_PROXY=true is read as 1 (one proxy hop): set the number of proxies in front of the server or their addresses',
    };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 10) return { value: hops };
  }
  const entries = text.split(',').map((e) => e.trim());
  if (entries.every(isProxyAddress)) return { value: entries };
  return {
    value: false,
    problem: `TRUST_PROXY must be a number of proxy hops (0-10) or a comma-separated list of proxy addresses/CIDR ranges (got "${text}")`,
  };
}
