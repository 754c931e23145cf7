/**
 * Pure rules of the offline check-in sync (POST /api/events/:id/check-ins/sync): which scan checks a
 * person in, which only reports that someone else had, and which time is kept. A person counts once
 * however many devices scanned them; the time kept is the earliest scan's.
 */
import type { CheckInSyncOutcome, RegistrationStatus } from '@chamber/contracts';

/** A registration as the sync sees it, locked for the time of the sync. */
export interface SyncRegistration {
  id: string;
  status: RegistrationStatus;
  checkedInAt: Date | null;
  /** the device of the check-in kept; null: checked in online */
  deviceId: string | null;
  registeredAt: Date;
}

/** One item to decide; `registrationId` null when its token or id matched no registration of the event. */
export interface SyncItem {
  clientId: string;
  registrationId: string | null;
  scannedAt: Date;
}

export interface SyncDecision {
  clientId: string;
  outcome: CheckInSyncOutcome;
  registrationId: string | null;
  checkedInAt: Date | null;
  firstDeviceId: string | null;
}

export interface SyncPlan {
  /** in the order of the items */
  decisions: SyncDecision[];
  /** registered people this sync checks in (each one attendance +1) */
  checkIns: { registrationId: string; checkedInAt: Date }[];
  /** people already checked in whose kept time moves earlier (to this device's scan; counts nothing) */
  earlier: { registrationId: string; checkedInAt: Date }[];
}

/**
 * The time a scan is kept at: a device clock ahead of the server's is brought back to the server's
 * now (a check-in is never in the future), and a time before the person registered (a device clock
 * reset to 1970, say) to the moment they registered: no one checks in before signing up.
 */
export function clampScannedAt(scannedAt: Date, registeredAt: Date, now: Date): Date {
  if (scannedAt.getTime() > now.getTime()) return new Date(now.getTime());
  if (scannedAt.getTime() < registeredAt.getTime()) return new Date(Math.min(registeredAt.getTime(), now.getTime()));
  return scannedAt;
}

/**
 * Decide a batch of scans from one device. Items are taken in the order of their (clamped) scan
 * times, so that within a batch the earliest scan of a person is the one that checks them in; the
 * same clientId twice in a batch answers the first one's result. A registered person is checked in
 * once (`checked_in`); any other scan of them is `already_checked_in` with the kept check-in's time
 * and device; a scan earlier than the kept check-in (it arrived later: a device that was offline
 * longer) moves the kept time and device to that scan, still counting nothing, and answers
 * `already_checked_in` with the new kept time. Waitlisted and cancelled people: `not_registered`.
 */
export function planCheckInSync(
  items: SyncItem[],
  registrations: ReadonlyMap<string, SyncRegistration>,
  deviceId: string,
  now: Date,
): SyncPlan {
  const state = new Map<string, SyncRegistration>();
  for (const [id, r] of registrations) state.set(id, { ...r });
  const checkIns = new Map<string, Date>();
  const earlier = new Map<string, Date>();
  const byClient = new Map<string, Omit<SyncDecision, 'clientId'>>();
  const order = items
    .map((item, index) => {
      const reg = item.registrationId ? state.get(item.registrationId) : undefined;
      return { item, index, reg, at: reg ? clampScannedAt(item.scannedAt, reg.registeredAt, now) : item.scannedAt };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  for (const { item, reg, at } of order) {
    if (byClient.has(item.clientId)) continue;
    byClient.set(item.clientId, decide(reg, at));
  }
  return {
    decisions: items.map((item) => ({ ...byClient.get(item.clientId)!, clientId: item.clientId })),
    checkIns: [...checkIns].map(([registrationId, checkedInAt]) => ({ registrationId, checkedInAt })),
    earlier: [...earlier]
      .filter(([id]) => !checkIns.has(id))
      .map(([registrationId, checkedInAt]) => ({ registrationId, checkedInAt })),
  };

  function decide(reg: SyncRegistration | undefined, at: Date): Omit<SyncDecision, 'clientId'> {
    if (!reg) return { outcome: 'unknown', registrationId: null, checkedInAt: null, firstDeviceId: null };
    if (reg.status === 'waitlisted' || reg.status === 'cancelled') {
      return { outcome: 'not_registered', registrationId: reg.id, checkedInAt: null, firstDeviceId: null };
    }
    if (reg.status === 'registered') {
      reg.status = 'attended';
      reg.checkedInAt = at;
      reg.deviceId = deviceId;
      checkIns.set(reg.id, at);
      return { outcome: 'checked_in', registrationId: reg.id, checkedInAt: at, firstDeviceId: deviceId };
    }
    if (!reg.checkedInAt || at.getTime() < reg.checkedInAt.getTime()) {
      reg.checkedInAt = at;
      reg.deviceId = deviceId;
      earlier.set(reg.id, at);
    }
    return {
      outcome: 'already_checked_in',
      registrationId: reg.id,
      checkedInAt: reg.checkedInAt,
      firstDeviceId: reg.deviceId,
    };
  }
}
