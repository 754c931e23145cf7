import { auditEntityOfAction, auditTarget, resultIdOf } from './audit-target';
import { auditSummary } from './audit-summary';

describe('auditTarget: which record a write was about', () => {
  it('a route ending in a parameter names its record by it, the last one winning', () => {
    expect(auditTarget('/api/members/:id', { id: 'm1' }, 'm1')).toEqual({ entity: 'members', entityId: 'm1' });
    expect(auditTarget('/api/members/:id/people/:personId', { id: 'm1', personId: 'p1' }, null)).toEqual({
      entity: 'people',
      entityId: 'p1',
    });
  });

  it('a record named by several parameters: the literal before them, their values joined', () => {
    expect(auditTarget('/api/mail-templates/:kind/:lang', { kind: 'event_reminder', lang: 'en' }, null)).toEqual({
      entity: 'mail-templates',
      entityId: 'event_reminder/en',
    });
    expect(auditTarget('/api/mail-templates/:kind/:lang/preview', { kind: 'k', lang: 'ja' }, null)).toEqual({
      entity: 'mail-templates',
      entityId: 'k/ja',
    });
  });

  it('a trailing verb acts on the record before it', () => {
    expect(auditTarget('/api/registrations/:id/cancel', { id: 'r1' }, null)).toEqual({
      entity: 'registrations',
      entityId: 'r1',
    });
    expect(auditTarget('/api/kpis/:id/entries', { id: 'k1' }, 'e9')).toEqual({ entity: 'kpis', entityId: 'k1' });
    expect(auditTarget('/api/events/:id/check-ins/sync', { id: 'e1' }, null)).toEqual({
      entity: 'events',
      entityId: 'e1',
    });
    expect(auditTarget('/api/suggestions/:id/answer', { id: 's1' }, 's1')).toEqual({
      entity: 'suggestions',
      entityId: 's1',
    });
  });

  it('a route ending in a collection created a record: the answer names it', () => {
    expect(auditTarget('/api/events/:id/registrations', { id: 'e1' }, 'r2')).toEqual({
      entity: 'registrations',
      entityId: 'r2',
    });
    expect(auditTarget('/api/members', {}, 'm3')).toEqual({ entity: 'members', entityId: 'm3' });
    expect(auditTarget('/api/kpis/recount', {}, null)).toEqual({ entity: 'kpis', entityId: null });
  });

  it('the answer names what it created: its id, or the ids of a batch', () => {
    expect(resultIdOf({ id: 7 })).toBe('7');
    expect(resultIdOf({ registrations: [{ id: 'a' }, { id: 'b' }] })).toBe('a,b');
    expect(resultIdOf([{ id: 'x' }])).toBe('x');
    expect(resultIdOf({ ok: true })).toBeNull();
    expect(resultIdOf(undefined)).toBeNull();
  });

  it('use cases are named by their prefix', () => {
    expect(auditEntityOfAction('auth.login_failed')).toBe('auth');
    expect(auditEntityOfAction('POST /api/members/:id/visits')).toBe('visits');
  });
});

describe('auditSummary', () => {
  it('names route, outcome and record; for use cases only non-personal reasons, never an email', () => {
    expect(
      auditSummary({
        action: 'auth.login_failed',
        statusCode: 401,
        entity: 'auth',
        entityId: null,
        detail: { email: 'someone@example.jp', reason: 'bad_totp' },
      }),
    ).toBe('auth.login_failed → 401 · auth · reason: bad_totp');
    expect(
      auditSummary({
        action: 'PATCH /api/members/:id',
        statusCode: 200,
        entity: 'members',
        entityId: 'm1',
        detail: { query: { q: 'a@b.jp' } },
      }),
    ).toBe('PATCH /api/members/:id → 200 · members m1');
  });
});
