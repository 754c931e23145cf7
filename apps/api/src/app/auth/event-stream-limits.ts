import { Inject, Injectable } from '@nestjs/common';
import { Observable, filter, finalize, interval, merge, mergeMap, race, take, takeUntil, timer } from 'rxjs';
import type { AuthUser } from '../common/auth-user';
import { tooManyRequests } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SessionsService } from './sessions.service';

/** How often a stream asks the database whether its session still holds (changes made elsewhere). */
const RECHECK_MS = 10_000;

/**
 * Bounds on event streams (SSE): at most `maxStreamsPerAccount` open at once per account in this
 * process (the next one gets 429), and each closes when its token expires, and as soon as its
 * session is revoked or its account deactivated (at once when that happens in this process; within
 * RECHECK_MS otherwise: another worker, a company that left, a role changed).
 */
@Injectable()
export class EventStreamLimits {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  bounded<T>(user: AuthUser, events: Observable<T>): Observable<T> {
    const count = this.open.get(user.id) ?? 0;
    if (count >= this.config.maxStreamsPerAccount) {
      throw tooManyRequests('too_many_streams', { n: this.config.maxStreamsPerAccount });
    }
    this.open.set(user.id, count + 1);
    const end = race(
      timer(Math.max(0, (user.expiresAt ?? Date.now()) - Date.now())),
      this.sessions.revoked$.pipe(
        filter(
          (r) =>
            r.userId === user.id &&
            (r.sessionId ? r.sessionId === user.sessionId : r.except === undefined || r.except !== user.sessionId),
        ),
      ),
      interval(RECHECK_MS).pipe(
        mergeMap(async () => (user.sessionId ? await this.sessions.live(user.sessionId, user.id) : null)),
        filter(
          (live) =>
            !live || !live.active || live.companyLeft || live.role !== user.role || live.memberId !== user.memberId,
        ),
      ),
    ).pipe(take(1));
    return merge(events).pipe(
      takeUntil(end),
      finalize(() => {
        const left = (this.open.get(user.id) ?? 1) - 1;
        if (left > 0) this.open.set(user.id, left);
        else this.open.delete(user.id);
      }),
    );
  }
}
