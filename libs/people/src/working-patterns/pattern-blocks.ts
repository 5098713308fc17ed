import type { FieldProblem } from '@leerkring/core';
import type { ParseResult } from '../calendar/closure-draft';
import type { WorkingBlock } from './availability';
import { formatWallClock, isoWeekdayOf, parseWallClock } from './wall-clock';

/** A block as the `working_pattern_block` table holds it. */
export interface StoredBlock {
  weekday: number;
  startTime: string;
  endTime: string;
}

/**
 * Checks a week of blocks (each ends after it starts; blocks of one weekday do not overlap,
 * though they may touch) and turns them into rows. `field` of a problem is `blocks.{index}.…`.
 */
export function checkBlocks(blocks: readonly WorkingBlock[]): ParseResult<StoredBlock[]> {
  const problems: FieldProblem[] = [];
  const parsed = blocks.map((block, index) => ({
    index,
    weekday: isoWeekdayOf(block.weekday),
    start: parseWallClock(block.start),
    end: parseWallClock(block.end, true),
  }));
  for (const block of parsed) {
    if (block.start === null) {
      problems.push({ field: `blocks.${block.index}.start`, messages: ['start must be a time HH:MM, e.g. 08:15'] });
    }
    if (block.end === null) {
      problems.push({ field: `blocks.${block.index}.end`, messages: ['end must be a time HH:MM, e.g. 15:00'] });
    }
    if (block.start !== null && block.end !== null && block.end <= block.start) {
      problems.push({ field: `blocks.${block.index}.end`, messages: ['end must be after start'] });
    }
  }
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  const valid = parsed as Array<{ index: number; weekday: number; start: number; end: number }>;
  const sorted = [...valid].sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  let reach: (typeof valid)[number] | undefined;
  for (const block of sorted) {
    if (reach && reach.weekday === block.weekday && block.start < reach.end) {
      problems.push({
        field: `blocks.${block.index}.start`,
        messages: [`overlaps block ${reach.index} (${formatWallClock(reach.start)}–${formatWallClock(reach.end)})`],
      });
    }
    if (!reach || reach.weekday !== block.weekday || block.end > reach.end) {
      reach = block;
    }
  }
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: valid.map((block) => ({
      weekday: block.weekday,
      startTime: `${formatWallClock(block.start)}:00`,
      endTime: `${formatWallClock(block.end)}:00`,
    })),
  };
}
