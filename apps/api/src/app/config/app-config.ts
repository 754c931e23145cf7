import { Logger } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { readOrCreateSecret, secretProblem } from './secret-file';
import { TrustProxy, parseTrustProxy } from './trust-proxy';

/**
 * Configuration read once from the environment and validated at start-up: a missing or malformed
 * variable stops the server with a message naming it.
 */
export interface AppConfig {
  production: boolean;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  jwtSecret: string;
  /** where the generated secret is kept when JWT_SECRET is not set (development); null otherwise */
  jwtSecretFile: string | null;
  jwtTtlSeconds: number;
  /** key of the tokens in links and QR codes (cancel, check-in, invitation…); null = derived from jwtSecret */
  linkSecret: string | null;
  /** requests per minute per client address; 0 turns the limit off */
  loginRateLimit: number;
  /** failed log-ins in a row for one email address before it waits (30 s, doubling); 0 = off */
  loginBackoffAfter: number;
  /** event streams (SSE) one account may hold open at once, per process (MAX_STREAMS_PER_ACCOUNT) */
  maxStreamsPerAccount: number;
  /** staff and admin must enrol TOTP before anything but /api/auth/* (TOTP_REQUIRED_FOR_STAFF) */
  totpRequiredForStaff: boolean;
  publicRateLimit: number;
  seedDemo: boolean;
  /** express' `trust proxy`: proxy hops or addresses in front of the server (see trust-proxy.ts) */
  trustProxy: TrustProxy;
  /** Swagger UI and /api/docs-json: on in development, in production only with API_DOCS=true */
  apiDocs: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  publicBaseUrl: string | null;
  /** pino level: fatal, error, warn, info, debug, trace, silent */
  logLevel: string;
  /** run the background job queue (pg-boss); off in most integration tests */
  jobsEnabled: boolean;
  jobRetryLimit: number;
  jobRetryDelaySeconds: number;
  /** worker processes sharing the port (PostgreSQL only); 1 = this process serves */
  webConcurrency: number;
  /** connections to PostgreSQL per process (the embedded database always has one) */
  databasePoolSize: number;
  /**
   * webhook URLs may point at loopback, private and link-local addresses (WEBHOOK_ALLOW_PRIVATE):
   * on outside production (receivers on 127.0.0.1 in development and tests), off in production,
   * where such a URL could reach the chamber's own network (SSRF)
   */
  webhookAllowPrivate: boolean;
  /** a receiver that has not answered within this many ms counts as a failed try */
  webhookTimeoutMs: number;
  /** tries of one delivery after the first (with backoff from jobRetryDelaySeconds) */
  webhookRetryLimit: number;
  /** failed tries in a row after which an endpoint is switched off and admins are told */
  webhookDisableAfterFailures: number;
  /** days a delivered or failed webhook delivery stays in the log (pending ones stay until sent) */
  webhookLogDays: number;
  /** requests per minute one API token may make; 0 = off */
  apiTokenRateLimit: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const production = env['NODE_ENV'] === 'production';

  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const databaseUrl = env['DATABASE_URL'] || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }

  const dataDir = env['DATA_DIR'] || './data';
  let jwtSecret = env['JWT_SECRET'] ?? '';
  let jwtSecretFile: string | null = null;
  if (jwtSecret) {
    const problem = secretProblem('JWT_SECRET', jwtSecret, production);
    if (problem) problems.push(problem);
  } else if (production) {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  } else if (env['NODE_ENV'] === 'test') {
    jwtSecret = randomBytes(32).toString('base64url'); // in-process tests: nothing to keep
  } else {
    // no secret in the source: each installation makes its own at the first start
    try {
      const kept = readOrCreateSecret(dataDir, 'jwt-secret');
      jwtSecret = kept.value;
      jwtSecretFile = kept.path;
    } catch (e) {
      problems.push(`JWT_SECRET is not set and the generated one cannot be kept: ${(e as Error).message}`);
    }
  }
  const linkSecret = env['LINK_SECRET'] || null;
  if (linkSecret) {
    const problem = secretProblem('LINK_SECRET', linkSecret, production);
    if (problem) problems.push(problem);
  }
  if (production && !databaseUrl) {
    problems.push('DATABASE_URL is required when NODE_ENV=production (the embedded database is for development)');
  }

  const trustProxy = parseTrustProxy(env['TRUST_PROXY']);
  if (trustProxy.problem) problems.push(trustProxy.problem);
  if (trustProxy.warning) new Logger('Config').warn(trustProxy.warning);

  // every link in a mail or a calendar file is absolute from it: a wrong one reaches nobody
  const publicBaseUrl = env['PUBLIC_BASE_URL'] || null;
  if (publicBaseUrl && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicBaseUrl)) {
    problems.push(
      'PUBLIC_BASE_URL must be an http:// or https:// address without query (e.g. https://portal.example.jp)',
    );
  } else if (production && !publicBaseUrl) {
    problems.push(
      'PUBLIC_BASE_URL is required when NODE_ENV=production (the address people open the portal at: links in mails and calendars)',
    );
  }

  const smtpUrl = env['SMTP_URL'] || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');

  const config: AppConfig = {
    production,
    port: int('PORT', 3000, 0, 65535),
    dataDir,
    databaseUrl,
    jwtSecret,
    jwtSecretFile,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60),
    linkSecret,
    loginRateLimit: int('LOGIN_RATE_LIMIT', 10),
    loginBackoffAfter: int('LOGIN_BACKOFF_AFTER', 5, 0, 1000),
    totpRequiredForStaff: bool('TOTP_REQUIRED_FOR_STAFF', false),
    maxStreamsPerAccount: int('MAX_STREAMS_PER_ACCOUNT', 5, 1, 1000),
    publicRateLimit: int('PUBLIC_RATE_LIMIT', 30),
    seedDemo: bool('SEED_DEMO', !production),
    trustProxy: trustProxy.value,
    apiDocs: bool('API_DOCS', !production),
    smtpUrl,
    mailFrom: env['MAIL_FROM'] || 'Chamber Portal <no-reply@example.jp>',
    publicBaseUrl,
    jobRetryLimit: int('JOB_RETRY_LIMIT', 4, 0, 20),
    jobRetryDelaySeconds: int('JOB_RETRY_DELAY_SECONDS', 30, 1, 3600),
    webConcurrency: int('WEB_CONCURRENCY', 1, 1, 64),
    databasePoolSize: int('DATABASE_POOL_SIZE', 20, 1, 500),
    webhookAllowPrivate: bool('WEBHOOK_ALLOW_PRIVATE', !production),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    webhookRetryLimit: int('WEBHOOK_RETRY_LIMIT', 8, 0, 20),
    webhookDisableAfterFailures: int('WEBHOOK_DISABLE_AFTER_FAILURES', 30, 1, 10_000),
    webhookLogDays: int('WEBHOOK_LOG_DAYS', 30, 1, 3650),
    apiTokenRateLimit: int('API_TOKEN_RATE_LIMIT', 120, 0, 100_000),
    jobsEnabled: bool('JOBS_ENABLED', env['NODE_ENV'] !== 'test'),
    logLevel: env['LOG_LEVEL'] || (env['NODE_ENV'] === 'test' ? 'silent' : 'info'),
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${config.logLevel}")`);
  }
  if (production && config.seedDemo) problems.push('SEED_DEMO must not be true in production (demo accounts)');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
