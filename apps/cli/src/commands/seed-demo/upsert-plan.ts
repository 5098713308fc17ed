export interface UpsertPlan<T> {
  /** Rows that are new or differ from what is stored, in their original order. */
  write: T[];
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Compares the rows we want with the rows stored under the same natural key, so a re-run writes
 * only what is new or different (and can say so) instead of touching every row again.
 */
export function planUpserts<T>(
  rows: readonly T[],
  stored: ReadonlyMap<string, Partial<T>>,
  keyOf: (row: T) => string,
  fields: readonly (keyof T)[],
): UpsertPlan<T> {
  const write: T[] = [];
  let created = 0;
  let updated = 0;
  for (const row of rows) {
    const current = stored.get(keyOf(row));
    if (!current) {
      created += 1;
      write.push(row);
    } else if (fields.some((field) => current[field] !== row[field])) {
      updated += 1;
      write.push(row);
    }
  }
  return { write, created, updated, unchanged: rows.length - created - updated };
}
