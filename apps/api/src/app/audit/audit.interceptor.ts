import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Observable, from, mergeMap } from 'rxjs';
import type { AuthUser } from '../common/auth-user';
import { auditTarget, resultIdOf } from './audit-target';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const AUDIT_SKIP = 'auditSkip';

/**
 * No audit row for this route when the predicate holds: an anonymous suggestion must not be tied to
 * its poster by an audit row (who, when) next to the suggestion (when).
 */
export const AuditSkip = (when: (req: Request) => boolean) => SetMetadata(AUDIT_SKIP, when);

/**
 * An audit row for every successful signed-in write, by the chamber's people and by members alike:
 * who, which route, which record. Bodies are not stored (they carry personal data). Refused log-ins
 * and anonymous requests of the account life cycle are written by their use cases (audit-writer.ts).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = req.user;
    if (READS.has(req.method) || !user) return next.handle();
    const skip = this.reflector.get<((r: Request) => boolean) | undefined>(AUDIT_SKIP, context.getHandler());
    if (skip?.(req)) return next.handle();
    return next
      .handle()
      .pipe(
        mergeMap((result) =>
          from(
            this.write(req, context.switchToHttp().getResponse<Response>().statusCode, user, result).then(() => result),
          ),
        ),
      );
  }

  private async write(req: Request, status: number, user: AuthUser, result: unknown): Promise<void> {
    const params = req.params as Record<string, string>;
    const resultId = resultIdOf(result);
    const routePath = (req.route as { path?: string } | undefined)?.path ?? req.path;
    const path = `${req.baseUrl}${routePath}`;
    const target = auditTarget(path, params, resultId);
    try {
      await this.dataSource.query(
        `INSERT INTO audit_log (actor_id, actor_role, action, entity, resource_id, status_code, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          user.id,
          // a token's writes are under its name (its maker's id stays the actor id)
          user.apiToken ? 'api_token' : user.role,
          `${req.method} ${path}`,
          target.entity,
          target.entityId,
          status,
          JSON.stringify({
            params,
            query: req.query,
            ...(user.apiToken ? { apiToken: { id: user.apiToken.id, name: user.apiToken.name } } : {}),
          }),
        ],
      );
    } catch (e) {
      this.logger.error('audit write failed', e instanceof Error ? e.stack : String(e));
    }
  }
}
