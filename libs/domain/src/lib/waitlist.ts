/** Waitlist promotion: arrival order decides, and only as many as there are free seats. */
export interface Waitlisted {
  id: string;
  waitlistPosition: number;
}

export function promotionOrder<T extends Waitlisted>(waitlisted: readonly T[], freeSeats: number): T[] {
  if (freeSeats <= 0) return [];
  return [...waitlisted].sort((a, b) => a.waitlistPosition - b.waitlistPosition).slice(0, freeSeats);
}

/** Free seats given a capacity and the registrations holding a seat. */
export function freeSeats(capacity: number, taken: number): number {
  return Math.max(0, capacity - taken);
}
