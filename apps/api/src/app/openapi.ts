import type { INestApplication, Type } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_CODES } from '@chamber/contracts';
import { IS_PUBLIC, ROLES_KEY } from './auth/auth.decorators';
import { TOKEN_COOKIE } from './auth/jwt.strategy';

/** What the guards of one route decide, read from the same metadata they read. */
interface RouteAccess {
  isPublic: boolean;
  roles: string[];
  rateLimited: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Files the API answers, by the path's extension (the same answer whatever the Accept header). */
const FILE_TYPES: [RegExp, string[]][] = [
  [/\.csv$/, ['text/csv']],
  [/\.xlsx$/, ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
  [/\.pdf$/, ['application/pdf']],
  [/\.ics$/, ['text/calendar']],
  [/\/chamber\/(logo|seal)$/, ['image/png', 'image/jpeg']],
];

const ERRORS: Record<string, string> = {
  '400': 'Invalid input: `errors` names every field at fault; nothing was written',
  '401': 'No token, or one that is expired, revoked or of a deactivated account',
  '403': 'Not allowed for this role, or not yours',
  '404': 'No such record',
  '409': 'Conflict with the current state (a duplicate, a closed or cancelled record)',
  '429': 'Too many requests from this address; try again later',
};

/**
 * The OpenAPI document of the running API (served at /api/docs-json): routes, bodies and
 * summaries come from the code (the @nestjs/swagger build plugin reads DTOs and doc comments);
 * each operation's security and error answers are derived here from the guards' own metadata, so
 * that the document cannot claim a token where the server asks none.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Chamber Portal API')
      .setDescription(
        'Member portal and CRM of a chamber of commerce and industry (商工会議所): events and ' +
          'registrations, exams, members, the suggestion box and the KPIs of the action plan. ' +
          'Errors in Japanese by default, English with `Accept-Language: en`.',
      )
      .setVersion('2')
      .setLicense('Proprietary', 'https://example.jp/chamber-portal/license')
      .addServer('/', 'this server')
      .addBearerAuth()
      .addCookieAuth(TOKEN_COOKIE)
      .build(),
  );
  const access = routeAccess(app);
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, ApiError: API_ERROR_SCHEMA };
  fixPatterns(document.components.schemas);
  fixPatterns(document.paths);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) describeOperation(operation, path, method, access.get(operation.operationId ?? ''));
    }
  }
  return document;
}

function describeOperation(op: OperationObject, path: string, method: string, access?: RouteAccess): void {
  const isPublic = access?.isPublic ?? false;
  // @Headers('accept-language') reads as a required header; every route takes it as an option
  for (const p of op.parameters ?? []) {
    if ('in' in p && p.in === 'header' && p.name.toLowerCase() === 'accept-language') {
      p.required = false;
      p.description = 'ja (default) or en: the language of messages and of the mails this request sends';
    }
  }
  // a public route still reads a token when one is sent (a signed-in member is known)
  op.security = isPublic ? [{}, { bearer: [] }, { cookie: [] }] : [{ bearer: [] }, { cookie: [] }];

  const files = FILE_TYPES.find(([re]) => re.test(path))?.[1];
  if (files) {
    for (const [status, response] of Object.entries(op.responses)) {
      if (!status.startsWith('2')) continue;
      (response as ResponseObject).content = Object.fromEntries(
        files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      );
    }
  }
  for (const response of Object.values(op.responses)) {
    const r = response as ResponseObject;
    if (!r.description) r.description = 'OK';
  }

  const errors = new Set<string>();
  const hasInput = Boolean(op.requestBody) || (op.parameters ?? []).some((p) => 'in' in p && p.in !== 'path');
  if (hasInput || path.includes('{')) errors.add('400');
  if (!isPublic) errors.add('401').add('403');
  if (path.includes('{')) errors.add('404');
  if (method !== 'get') errors.add('409');
  if (access?.rateLimited) errors.add('429');
  for (const status of errors) {
    if (op.responses[status]) continue;
    op.responses[status] = {
      description: ERRORS[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    };
  }
}

/**
 * The build plugin copies @Matches(/re/) as the string "/re/" (delimiters kept, which no validator
 * reads as meant) and a named constant as its name: keep the expression, drop what isn't one.
 */
function fixPatterns(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(fixPatterns);
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (typeof schema['pattern'] === 'string') {
    const literal = /^\/(.*)\/[a-z]*$/s.exec(schema['pattern']);
    if (literal) schema['pattern'] = literal[1];
    else if (/^[A-Za-z_$][\w$]*$/.test(schema['pattern'])) delete schema['pattern'];
  }
  Object.values(schema).forEach(fixPatterns);
}

/** operationId (Controller_method, @nestjs/swagger's default) → what its guards will decide. */
function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const routes = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        const guards = [
          ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[]) ?? []),
          ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[]) ?? []),
        ];
        routes.set(`${controller.name}_${name}`, {
          isPublic: read<boolean>(IS_PUBLIC) === true,
          roles: read<string[]>(ROLES_KEY) ?? [],
          rateLimited: guards.some((g) => /Throttler|RateLimit/.test((g as { name?: string }).name ?? '')),
        });
      }
    }
  }
  return routes;
}

const API_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message', 'code'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string', description: "In the caller's language (Accept-Language)" },
    code: { type: 'string', enum: [...ERROR_CODES], description: 'A stable code for clients to switch on' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'participants.0.nameKana' },
          message: { type: 'string' },
        },
      },
    },
  },
};
