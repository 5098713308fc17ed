import type { DataSource } from 'typeorm';

/**
 * Everything stored, one checksum per table (CHECKSUM TABLE): tests that send refused requests
 * compare two of these to show that nothing stored changed.
 */
export async function tableChecksums(db: DataSource): Promise<Map<string, string>> {
  const tables = await db.query<Array<{ name: string }>>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  );
  const sums = await db.query<Array<{ Table: string; Checksum: string | number | null }>>(
    `CHECKSUM TABLE ${tables.map((table) => `\`${table.name}\``).join(', ')}`,
  );
  return new Map(sums.map((row) => [row.Table.split('.').pop() as string, String(row.Checksum)]));
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
