import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'fs';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { basename, join } from 'path';
import { AppModule } from './app.module';
import { AnonymousBodyCap, inputLimits, jsonParsers } from './common/input-limits';
import { createValidationPipe } from './common/validation';
import { buildOpenApiDocument } from './openapi';
import { TOKEN_COOKIE } from './auth/jwt.strategy';
import type { AppConfig } from './config/app-config';
import type { DatabaseInfo } from './common/database-info';

/** The Nest application with everything the server needs, not yet listening (tests use it too). */
export async function createApp(
  config: AppConfig,
  db: DatabaseInfo,
  options: { portalDir?: string; logger?: boolean } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, db), {
    logger: options.logger === false ? false : undefined,
    bufferLogs: options.logger !== false,
    bodyParser: true,
  });
  if (options.logger !== false) app.useLogger(app.get(PinoLogger));
  app.use(securityHeaders(config.production));
  // compressed answers for phones on a venue's Wi-Fi (JSON, the portal's files, CSV); never an event
  // stream, whose events compression would hold back
  app.use(
    compression({
      filter: (req, res) =>
        !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
    }),
  );
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  // JSON: 32 KB without a credential (refused unread), 1 MB with one
  const json = jsonParsers(TOKEN_COOKIE);
  app.useBodyParser('json', json.anonymous);
  app.useBodyParser('json', json.signedIn);
  app.useBodyParser('raw', { type: 'text/csv', limit: '5mb' }); // CSV uploads arrive as bytes (UTF-8 or CP932)
  app.useBodyParser('raw', { type: ['image/png', 'image/jpeg'], limit: '1mb' }); // the chamber's logo and seal
  app.use(inputLimits); // depth, value count and control characters of every body and query
  app.useGlobalInterceptors(new AnonymousBodyCap());
  // no app.enableShutdownHooks(): main.ts stops in its own order (graceful-stop.ts)
  // Clients and proxies reuse idle connections: closing one after Node's 5 s default races a request
  // already sent on it (the client sees ECONNRESET). Outlast the usual 60 s of proxies and agents.
  const server = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // hops or addresses, never `true`: the left-most X-Forwarded-For entry is the client's own word
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.set('etag', false); // API answers are not cached by validators; hashing every body costs CPU

  if (config.apiDocs) serveApiDocs(app);

  if (options.portalDir && existsSync(join(options.portalDir, 'index.html'))) servePortal(app, options.portalDir);
  else if (options.portalDir) new Logger('Portal').warn(`no built portal in ${options.portalDir}`);
  return app;
}

/**
 * helmet's headers with a policy the built portal runs under: scripts and styles from the server
 * only, but inline styles (Angular adds its components' <style> elements at run time); images also
 * as data:/blob: (QR codes, previews); no framing at all; no Referer, so the token in a cancel link
 * never reaches another site; HSTS only in production (development runs on plain http).
 */
function securityHeaders(production: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        ...(production ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
}

/** Swagger UI at /api/docs and the OpenAPI document at /api/docs-json (API_DOCS), built at the first ask. */
function serveApiDocs(app: NestExpressApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * Files of the built portal that name the current build: asked for again on every use (no-cache),
 * so that a deploy reaches the service worker and every page at once. The rest (hashed names,
 * assets) may be kept an hour.
 */
const PORTAL_NO_CACHE = new Set([
  'index.html',
  'ngsw.json',
  'ngsw-worker.js',
  'safety-worker.js',
  'worker-basic.min.js',
  'manifest.webmanifest',
]);

/** The built portal on the same port: static files, and index.html for the app's own routes. */
function servePortal(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res: Response, path: string) => {
      if (PORTAL_NO_CACHE.has(basename(path))) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
