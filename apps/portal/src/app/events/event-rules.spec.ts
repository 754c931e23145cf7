import { fieldErrorMap, unplacedErrors } from '../core/field-errors';
import { outcomeTypesFor, seatInfo } from './event-rules';

describe('event rules', () => {
  it('counts remaining seats and never below zero', () => {
    expect(seatInfo({ capacity: 10, registeredCount: 4, waitlistCount: 0 })).toMatchObject({
      remaining: 6,
      full: false,
    });
    expect(seatInfo({ capacity: 1, registeredCount: 1, waitlistCount: 3 })).toMatchObject({
      remaining: 0,
      full: true,
      waitlist: 3,
    });
    // capacity lowered below the registered count: full, not negative
    expect(seatInfo({ capacity: 2, registeredCount: 5, waitlistCount: 0 }).remaining).toBe(0);
  });

  it('offers job offers on job fairs only', () => {
    expect(outcomeTypesFor('job_fair')).toContain('job_offer');
    expect(outcomeTypesFor('business_matching')).not.toContain('job_offer');
    expect(outcomeTypesFor('member_gathering')).toEqual([]);
  });

  it('places API field errors by their path', () => {
    const map = fieldErrorMap([
      { field: 'participants.1.nameKana', message: 'カタカナで入力してください。' },
      { field: 'participants[0].email', message: 'bad email' },
      { field: 'participants.1.nameKana', message: 'required' },
      { field: 'foo', message: 'unknown field' },
    ]);
    expect(map.get('participants.1.nameKana')).toBe('カタカナで入力してください。 required');
    expect(map.get('participants.0.email')).toBe('bad email');
    expect(unplacedErrors(map, (f) => f.startsWith('participants.'))).toEqual(['unknown field']);
  });
});
