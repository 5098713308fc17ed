import fc from 'fast-check';
import type { WorkingBlock } from './availability';
import { checkBlocks } from './pattern-blocks';
import { formatWallClock, WEEKDAYS } from './wall-clock';

describe('checkBlocks', () => {
  it('stores several blocks a day, touching ones too', () => {
    const sut = checkBlocks([
      { weekday: 'monday', start: '08:15', end: '12:00' },
      { weekday: 'monday', start: '12:00', end: '15:00' },
      { weekday: 'friday', start: '13:00', end: '24:00' },
    ]);

    expect(sut).toEqual({
      ok: true,
      value: [
        { weekday: 1, startTime: '08:15:00', endTime: '12:00:00' },
        { weekday: 1, startTime: '12:00:00', endTime: '15:00:00' },
        { weekday: 5, startTime: '13:00:00', endTime: '24:00:00' },
      ],
    });
  });

  it('names blocks that end before they start and blocks that overlap', () => {
    const sut = checkBlocks([
      { weekday: 'monday', start: '08:00', end: '16:00' },
      { weekday: 'monday', start: '09:00', end: '10:00' },
      { weekday: 'monday', start: '11:00', end: '12:00' },
      { weekday: 'tuesday', start: '11:00', end: '12:00' },
    ]);

    expect(sut.ok ? [] : sut.problems.map((problem) => problem.field)).toEqual(['blocks.1.start', 'blocks.2.start']);
    expect(checkBlocks([{ weekday: 'monday', start: '15:00', end: '08:15' }])).toEqual({
      ok: false,
      problems: [{ field: 'blocks.0.end', messages: ['end must be after start'] }],
    });
    expect(checkBlocks([{ weekday: 'monday', start: '24:00', end: '24:00' }]).ok).toBe(false);
  });

  it('accepts a week exactly when no two blocks of a weekday share a minute', () => {
    const block = fc
      .record({
        weekday: fc.constantFrom(...WEEKDAYS),
        start: fc.integer({ min: 0, max: 95 }),
        length: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ weekday, start, length }): WorkingBlock => ({
        weekday,
        start: formatWallClock(start * 15),
        end: formatWallClock(Math.min(start + length, 96) * 15),
      }));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const minutes = (block: WorkingBlock) => {
          const [hours, mins] = block.start.split(':').map(Number);
          const [endHours, endMins] = block.end.split(':').map(Number);
          return { start: hours * 60 + mins, end: endHours * 60 + endMins };
        };
        const overlapping = blocks.some((a, i) =>
          blocks.some(
            (b, j) =>
              i < j &&
              a.weekday === b.weekday &&
              minutes(a).start < minutes(b).end &&
              minutes(b).start < minutes(a).end,
          ),
        );

        expect(checkBlocks(blocks).ok).toBe(!overlapping);
      }),
    );
  });
});
