import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CheckInRoster,
  CheckInSyncOutcome,
  CheckInSyncResponse,
  CheckInSyncResult,
  RegistrationStatus,
} from '@chamber/contracts';
import { isEarlyCheckIn, parseCheckInCode, planCheckInSync, SyncItem, SyncRegistration } from '@chamber/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { badRequest } from '../common/errors';
import { tokenHash } from '../common/link-tokens';
import { KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { notYet } from './check-in.service';
import type { CheckInSyncDto } from './dto/check-in.dto';
import { ChamberEvent } from './entities/event.entity';
import { eventKpi } from './event-kpi';
import { unknownEvent } from './event-views';
import { queryRows } from './sql-rows';

interface StoredRow {
  client_id: string;
  outcome: CheckInSyncOutcome;
  registration_id: string | null;
  checked_in_at: Date | null;
  first_device_id: string | null;
}

interface LockedRow {
  id: string;
  status: RegistrationStatus;
  checked_in_at: Date | null;
  checked_in_device: string | null;
  created_at: Date;
  check_in_token_hash: string;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/**
 * Check-in at the venue with no network: the roster a device keeps, and the sync of the check-ins
 * it made meanwhile. Every person counts once (one check-in, one `attendance` +1 through the KPI
 * ledger, in the sync's transaction) however many devices scanned them, online check-ins included,
 * and the time kept is the earliest scan's (libs/domain planCheckInSync decides).
 */
@Injectable()
export class CheckInSyncService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpi: KpiRecorder,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /** GET /api/events/:id/check-in-roster: every registration (waitlisted and cancelled too, to answer them offline). */
  async roster(eventId: string): Promise<CheckInRoster> {
    await this.event(eventId);
    const syncedAt = new Date().toISOString();
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.name, r.name_kana, m.name AS company, r.status, r.checked_in_at, r.check_in_token_hash
       FROM registration r LEFT JOIN member m ON m.id = r.member_id
       WHERE r.event_id = $1 ORDER BY r.name_kana, r.created_at, r.id`,
      [eventId],
    )) as {
      id: string;
      name: string;
      name_kana: string;
      company: string | null;
      status: RegistrationStatus;
      checked_in_at: Date | null;
      check_in_token_hash: string;
    }[];
    return {
      eventId,
      syncedAt,
      entries: rows.map((r) => ({
        registrationId: r.id,
        name: r.name,
        nameKana: r.name_kana,
        company: r.company,
        status: r.status,
        checkedInAt: iso(r.checked_in_at),
        tokenHash: r.check_in_token_hash,
      })),
    };
  }

  /**
   * POST /api/events/:id/check-ins/sync. The not_yet rule is the online one, judged at the server's
   * time: before the event's day the whole request is refused (409, nothing written) unless staff
   * confirm with `early`. A scan time in the future is kept as the server's now, one before the
   * person registered as the registration's time. Answers already given (same event and clientId)
   * are answered again unchanged. Syncs of one event run one after another (the event row is locked
   * first, the lock order of every seat change), so two devices syncing the same people at once
   * cannot both check them in.
   */
  async sync(
    eventId: string,
    dto: CheckInSyncDto,
    user: AuthUser,
    opts: { early?: boolean } = {},
  ): Promise<CheckInSyncResponse> {
    dto.items.forEach((item, i) => {
      if (item.token !== undefined && item.registrationId !== undefined) {
        throw badRequest(`items.${i}.registrationId`, 'validation.token_or_registration_id');
      }
    });
    const event = await this.event(eventId);
    if (!opts.early && isEarlyCheckIn(event.startsAt)) throw notYet();
    if (!dto.items.length) return { results: [] };

    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT id FROM event WHERE id = $1 FOR UPDATE`, [eventId]);
      const clientIds = [...new Set(dto.items.map((i) => i.clientId))];
      const stored = new Map(
        (
          await queryRows<StoredRow>(
            m,
            `SELECT client_id, outcome, registration_id, checked_in_at, first_device_id
             FROM check_in_sync_result WHERE event_id = $1 AND client_id = ANY($2::text[])`,
            [eventId, clientIds],
          )
        ).map((r) => [r.client_id, r]),
      );
      const fresh = dto.items
        .map((item) => {
          const code = item.token === undefined ? null : parseCheckInCode(item.token);
          return { item, hash: code ? tokenHash(code) : null };
        })
        .filter(({ item }) => !stored.has(item.clientId));

      const ids = [...new Set(fresh.flatMap(({ item }) => (item.registrationId ? [item.registrationId] : [])))];
      const hashes = [...new Set(fresh.flatMap(({ hash }) => (hash ? [hash] : [])))];
      const locked = fresh.length
        ? await queryRows<LockedRow>(
            m,
            `SELECT id, status, checked_in_at, checked_in_device, created_at, check_in_token_hash FROM registration
             WHERE event_id = $1 AND (id = ANY($2::uuid[]) OR check_in_token_hash = ANY($3::text[]))
             ORDER BY id FOR UPDATE`,
            [eventId, ids, hashes],
          )
        : [];
      const byHash = new Map(locked.map((r) => [r.check_in_token_hash, r.id]));
      const registrations = new Map<string, SyncRegistration>(
        locked.map((r) => [
          r.id,
          {
            id: r.id,
            status: r.status,
            checkedInAt: r.checked_in_at,
            deviceId: r.checked_in_device,
            registeredAt: r.created_at,
          },
        ]),
      );
      const items: SyncItem[] = fresh.map(({ item, hash }) => {
        const id = item.registrationId ?? (hash ? byHash.get(hash) : undefined);
        return {
          clientId: item.clientId,
          registrationId: id && registrations.has(id) ? id : null,
          scannedAt: new Date(item.scannedAt),
        };
      });
      const [{ now }] = (await m.query(`SELECT now() AS now`)) as [{ now: Date }];
      const plan = planCheckInSync(items, registrations, dto.deviceId, new Date(now));

      if (plan.checkIns.length) {
        const updated = await queryRows<{ id: string }>(
          m,
          `UPDATE registration r SET status = 'attended', checked_in_at = v.at, checked_in_by = $3, checked_in_device = $4
           FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at)
           WHERE r.id = v.id AND r.status = 'registered' RETURNING r.id`,
          [
            plan.checkIns.map((c) => c.registrationId),
            plan.checkIns.map((c) => c.checkedInAt.toISOString()),
            user.id,
            dto.deviceId,
          ],
        );
        if (updated.length !== plan.checkIns.length) throw new Error('check-in sync: a locked registration changed');
      }
      if (plan.earlier.length) {
        await m.query(
          `UPDATE registration r SET checked_in_at = v.at, checked_in_by = $3, checked_in_device = $4
           FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at)
           WHERE r.id = v.id AND r.status = 'attended' AND r.checked_in_at > v.at`,
          [
            plan.earlier.map((c) => c.registrationId),
            plan.earlier.map((c) => c.checkedInAt.toISOString()),
            user.id,
            dto.deviceId,
          ],
        );
      }
      if (plan.checkIns.length) {
        // the first check-in once the event has started marks it held, as online
        const held = await queryRows<{ id: string }>(
          m,
          `UPDATE event SET status = 'held', held_at = now(), updated_at = now()
           WHERE id = $1 AND status = 'scheduled' AND starts_at <= now() RETURNING id`,
          [eventId],
        );
        await this.kpi.record(
          m,
          ...plan.checkIns.map((c) => eventKpi(event, 'attendance', 1, 'check_in', c.registrationId, user.id)),
          ...(held.length ? [eventKpi(event, 'events_held', 1, 'event_held', event.id, user.id)] : []),
        );
        // as online: one per person checked in (an earlier scan arriving later changes no count, sends nothing)
        await this.webhooks.record(
          m,
          'registration.checked_in',
          ...plan.checkIns.map((c) => ({
            registrationId: c.registrationId,
            eventId,
            checkedInAt: c.checkedInAt.toISOString(),
          })),
        );
      }

      // one row per clientId: the first item of a clientId decided it
      const seen = new Set<string>();
      const rows = plan.decisions.flatMap((d, i) => {
        if (seen.has(d.clientId)) return [];
        seen.add(d.clientId);
        return [{ d, scannedAt: items[i]!.scannedAt }];
      });
      if (rows.length) {
        await m.query(
          `INSERT INTO check_in_sync_result
             (event_id, device_id, synced_by, client_id, outcome, registration_id, scanned_at, checked_in_at, first_device_id)
           SELECT $1, $2, $3, v.* FROM unnest($4::text[], $5::text[], $6::uuid[], $7::timestamptz[], $8::timestamptz[], $9::text[])
             AS v(client_id, outcome, registration_id, scanned_at, checked_in_at, first_device_id)`,
          [
            eventId,
            dto.deviceId,
            user.id,
            rows.map((r) => r.d.clientId),
            rows.map((r) => r.d.outcome),
            rows.map((r) => r.d.registrationId),
            rows.map((r) => r.scannedAt.toISOString()),
            rows.map((r) => iso(r.d.checkedInAt)),
            rows.map((r) => r.d.firstDeviceId),
          ],
        );
      }

      const decided = new Map(plan.decisions.map((d) => [d.clientId, d]));
      const results: CheckInSyncResult[] = dto.items.map((item) => {
        const s = stored.get(item.clientId);
        if (s) {
          return {
            clientId: item.clientId,
            outcome: s.outcome,
            registrationId: s.registration_id,
            checkedInAt: iso(s.checked_in_at),
            firstDeviceId: s.first_device_id,
          };
        }
        const d = decided.get(item.clientId)!;
        return {
          clientId: item.clientId,
          outcome: d.outcome,
          registrationId: d.registrationId,
          checkedInAt: iso(d.checkedInAt),
          firstDeviceId: d.firstDeviceId,
        };
      });
      return { results };
    });
  }

  private async event(id: string): Promise<ChamberEvent> {
    const event = await this.dataSource.getRepository(ChamberEvent).findOneBy({ id });
    if (!event) throw unknownEvent();
    return event;
  }
}
