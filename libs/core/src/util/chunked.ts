/** Splits rows into batches, e.g. for multi-row INSERTs (one round trip per batch). */
export function chunked<T>(rows: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`batch size must be a positive whole number, got ${size}`);
  }
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    batches.push(rows.slice(start, start + size));
  }
  return batches;
}
