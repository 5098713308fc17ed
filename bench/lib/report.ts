/** One line of the table: a label, its value and the unit (or a remark). */
export interface ReportRow {
  label: string;
  value: string | number;
  unit?: string;
}

export interface ReportSection {
  title: string;
  rows: ReportRow[];
}

/** The final line: flat, numbers rounded, NaN written as null. Always has `bench`. */
export type BenchResult = { bench: string } & Record<string, string | number | boolean | null>;

function formatValue(value: string | number): string {
  if (typeof value === 'string') {
    return value;
  }
  if (!Number.isFinite(value)) {
    return 'n/a';
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 0 : 2);
}

/** The readable table, as text. */
export function formatTable(title: string, sections: ReportSection[]): string {
  const rows = sections.flatMap((section) => section.rows);
  const labelWidth = Math.max(...rows.map((row) => row.label.length), 10);
  const valueWidth = Math.max(...rows.map((row) => formatValue(row.value).length), 5);
  const lines = [title, '='.repeat(title.length)];
  for (const section of sections) {
    lines.push('', section.title);
    for (const row of section.rows) {
      const line = `  ${row.label.padEnd(labelWidth)}  ${formatValue(row.value).padStart(valueWidth)}  ${row.unit ?? ''}`;
      lines.push(line.trimEnd());
    }
  }
  return lines.join('\n');
}

/** The result as one JSON line (NaN and Infinity become null). */
export function formatResultLine(result: BenchResult): string {
  return JSON.stringify(result, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? null : value,
  );
}

/**
 * Prints the table, a blank line, and then the result as ONE final JSON line on stdout, which
 * is what scripts and CI read (`npm run bench:x | tail -n 1`).
 */
export function printReport(title: string, sections: ReportSection[], result: BenchResult): void {
  process.stdout.write(`${formatTable(title, sections)}\n\n${formatResultLine(result)}\n`);
}
