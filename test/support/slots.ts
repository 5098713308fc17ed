/**
 * Distinct one-hour slots far ahead, one per call: for tests that plan many appointments with
 * one organiser, who may never be in two at once. Every call moves on by two hours.
 */
let next = Date.parse('2027-09-06T06:00:00Z') + (process.pid % 1000) * 7 * 86_400_000;

export function uniqueSlot(minutes = 60): { start: string; end: string } {
  const start = next;
  next += 2 * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString() };
}
