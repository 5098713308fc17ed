import type { FieldProblem } from '@leerkring/core';
import type { ClosureRange } from './closure-rules';
import type { ClosureSource } from './closure.entity';

/** A closure as an import produces it, before it is stored. */
export interface ClosureDraft extends ClosureRange {
  schoolYear: string;
  source: ClosureSource;
  sourceKey: string;
}

/**
 * What a parser returns: the closures it read, or every problem it found (then nothing is
 * stored). `field` in a problem points into the input, e.g. `content.0.vacations.2.regions.1.startdate`.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** The fields an import compares to decide whether a stored row changed. */
export const DRAFT_FIELDS = [
  'kind',
  'name',
  'startDate',
  'endDate',
  'scope',
  'region',
  'schoolId',
  'schoolYear',
] as const satisfies ReadonlyArray<keyof ClosureDraft>;

export function sameDraft(a: ClosureDraft, b: Pick<ClosureDraft, (typeof DRAFT_FIELDS)[number]>): boolean {
  return DRAFT_FIELDS.every((field) => a[field] === b[field]);
}
