import { clampScannedAt, planCheckInSync, SyncRegistration } from './check-in-sync';

const now = new Date('2026-12-03T05:00:00Z');
const registeredAt = new Date('2026-11-01T00:00:00Z');
const at = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00Z`);
const reg = (
  id: string,
  status: SyncRegistration['status'],
  checkedInAt: Date | null = null,
  deviceId: string | null = null,
) => [id, { id, status, checkedInAt, deviceId, registeredAt }] as const;

describe('clampScannedAt', () => {
  it('keeps a plausible time, brings a future one back to now and one before the registration up to it', () => {
    expect(clampScannedAt(at('04:00'), registeredAt, now)).toEqual(at('04:00'));
    expect(clampScannedAt(new Date('2027-01-01T00:00:00Z'), registeredAt, now)).toEqual(now);
    expect(clampScannedAt(new Date(0), registeredAt, now)).toEqual(registeredAt);
  });
});

describe('planCheckInSync', () => {
  it('checks a registered person in once, the earliest scan of the batch first, whatever the order sent', () => {
    const regs = new Map([reg('r1', 'registered')]);
    const plan = planCheckInSync(
      [
        { clientId: 'late', registrationId: 'r1', scannedAt: at('04:30') },
        { clientId: 'early', registrationId: 'r1', scannedAt: at('04:10') },
      ],
      regs,
      'dev-a',
      now,
    );
    expect(plan.decisions.map((d) => [d.clientId, d.outcome, d.checkedInAt])).toEqual([
      ['late', 'already_checked_in', at('04:10')],
      ['early', 'checked_in', at('04:10')],
    ]);
    expect(plan.checkIns).toEqual([{ registrationId: 'r1', checkedInAt: at('04:10') }]);
    expect(plan.earlier).toEqual([]);
    // the input map is not changed
    expect(regs.get('r1')!.status).toBe('registered');
  });

  it('moves the kept time and device to an earlier scan that arrives later, counting nothing', () => {
    const plan = planCheckInSync(
      [{ clientId: 'c', registrationId: 'r1', scannedAt: at('04:00') }],
      new Map([reg('r1', 'attended', at('04:20'), 'dev-a')]),
      'dev-b',
      now,
    );
    expect(plan.decisions[0]).toEqual({
      clientId: 'c',
      outcome: 'already_checked_in',
      registrationId: 'r1',
      checkedInAt: at('04:00'),
      firstDeviceId: 'dev-b',
    });
    expect(plan.checkIns).toEqual([]);
    expect(plan.earlier).toEqual([{ registrationId: 'r1', checkedInAt: at('04:00') }]);
  });

  it('reports a later scan of someone checked in with the first check-in (online: no device)', () => {
    const plan = planCheckInSync(
      [{ clientId: 'c', registrationId: 'r1', scannedAt: at('04:50') }],
      new Map([reg('r1', 'attended', at('04:20'))]),
      'dev-b',
      now,
    );
    expect(plan.decisions[0]).toMatchObject({
      outcome: 'already_checked_in',
      checkedInAt: at('04:20'),
      firstDeviceId: null,
    });
    expect(plan.earlier).toEqual([]);
  });

  it('answers not_registered for waitlisted and cancelled people, unknown for no match, a repeated clientId as its first', () => {
    const plan = planCheckInSync(
      [
        { clientId: 'w', registrationId: 'r1', scannedAt: at('04:00') },
        { clientId: 'x', registrationId: 'r2', scannedAt: at('04:00') },
        { clientId: 'u', registrationId: null, scannedAt: at('04:00') },
        { clientId: 'd', registrationId: 'r3', scannedAt: at('04:01') },
        { clientId: 'd', registrationId: 'r3', scannedAt: at('04:02') },
      ],
      new Map([reg('r1', 'waitlisted'), reg('r2', 'cancelled'), reg('r3', 'registered')]),
      'dev-a',
      now,
    );
    expect(plan.decisions.map((d) => d.outcome)).toEqual([
      'not_registered',
      'not_registered',
      'unknown',
      'checked_in',
      'checked_in',
    ]);
    expect(plan.decisions[2]!.registrationId).toBeNull();
    expect(plan.checkIns).toHaveLength(1);
  });

  it('keeps a future scan at the server time', () => {
    const plan = planCheckInSync(
      [{ clientId: 'c', registrationId: 'r1', scannedAt: new Date('2030-01-01T00:00:00Z') }],
      new Map([reg('r1', 'registered')]),
      'dev-a',
      now,
    );
    expect(plan.checkIns).toEqual([{ registrationId: 'r1', checkedInAt: now }]);
  });
});
