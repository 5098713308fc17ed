import { createHash, randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { WorkingPattern, WorkingPatternBlock } from '@leerkring/people';

type Block = [weekday: number, start: string, end: string];

/** Typical Dutch school working weeks: many part-timers, Wednesday afternoons often free. */
const WEEKS: ReadonlyArray<{ share: number; blocks: Block[] }> = [
  { share: 35, blocks: [1, 2, 3, 4, 5].map((d): Block => [d, '08:15', d === 3 ? '12:45' : '16:30']) },
  { share: 25, blocks: [1, 2, 4, 5].map((d): Block => [d, '08:15', '16:00']) },
  { share: 20, blocks: [1, 2, 4].map((d): Block => [d, '08:15', '15:30']) },
  {
    share: 12,
    blocks: [
      [3, '08:15', '12:45'],
      [4, '08:15', '15:30'],
      [5, '08:15', '15:30'],
    ],
  },
  {
    share: 8,
    blocks: [
      [1, '08:30', '12:30'],
      [2, '08:30', '12:30'],
      [5, '08:30', '12:30'],
    ],
  },
];
const COACH_WEEK: Block[] = [1, 2, 3, 4].map((d): Block => [d, '08:30', '17:00']);

/** Deterministic per person, so a second seed run would choose the same week. */
export function demoWeekFor(email: string, isCoach: boolean): Block[] {
  if (isCoach) {
    return COACH_WEEK;
  }
  let pick = createHash('sha256').update(email).digest().readUInt32BE(0) % 100;
  for (const week of WEEKS) {
    if (pick < week.share) {
      return week.blocks;
    }
    pick -= week.share;
  }
  return WEEKS[0].blocks;
}

/** Gives every demo person without a working pattern one; people with one keep theirs. */
export async function seedDemoWorkingPatterns(
  manager: EntityManager,
  people: ReadonlyArray<{ id: string; email: string; isCoach: boolean }>,
): Promise<number> {
  const existing = new Set(
    (
      await manager.find(WorkingPattern, {
        select: { personId: true },
        where: { personId: In(people.map((p) => p.id)) },
      })
    ).map((pattern) => pattern.personId),
  );
  const missing = people.filter((person) => !existing.has(person.id));
  for (let start = 0; start < missing.length; start += 200) {
    const batch = missing.slice(start, start + 200);
    const patterns = batch.map((person) => ({ id: randomUUID(), personId: person.id, zone: 'Europe/Amsterdam' }));
    await manager.insert(WorkingPattern, patterns);
    await manager.insert(
      WorkingPatternBlock,
      batch.flatMap((person, index) =>
        demoWeekFor(person.email, person.isCoach).map(([weekday, from, to]) => ({
          id: randomUUID(),
          patternId: patterns[index].id,
          weekday,
          startTime: `${from}:00`,
          endTime: `${to}:00`,
        })),
      ),
    );
  }
  return missing.length;
}
