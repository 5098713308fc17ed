/**
 * Distinct one-hour slots far ahead, one per call: for tests that plan many appointments with
 * one organiser, who may never be in two at once. Every call moves on by two hours. They start
 * in 2029, past the school years whose holidays the calendar tests import into the same database
 * (a slot in a school holiday would be refused as school_closed).
 */
let next = Date.parse('2029-01-08T06:00:00Z') + (process.pid % 500) * 7 * 86_400_000;

export function uniqueSlot(minutes = 60): { start: string; end: string } {
  const start = next;
  next += 2 * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString() };
}
