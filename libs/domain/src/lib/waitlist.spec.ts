import { freeSeats, promotionOrder } from './waitlist';

describe('waitlist promotion', () => {
  const waitlist = [
    { id: 'c', waitlistPosition: 3 },
    { id: 'a', waitlistPosition: 1 },
    { id: 'b', waitlistPosition: 2 },
  ];

  it('promotes in arrival order, as many as fit', () => {
    expect(promotionOrder(waitlist, 2).map((w) => w.id)).toEqual(['a', 'b']);
    expect(promotionOrder(waitlist, 10).map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(promotionOrder(waitlist, 0)).toEqual([]);
  });

  it('never counts negative free seats', () => {
    expect(freeSeats(300, 301)).toBe(0);
    expect(freeSeats(300, 295)).toBe(5);
  });
});
