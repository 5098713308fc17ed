/** RFC 4180 CSV with a header row; a text cell that could start a spreadsheet formula gets a leading '. */
export function toCsv<T extends object>(rows: readonly T[], columns: ReadonlyArray<keyof T & string>): string {
  const cell = (value: unknown): string => {
    let text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    if (typeof value === 'string' && /^[=+\-@]/.test(text)) {
      text = `'${text}`;
    }
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))]
    .map((line) => `${line}\r\n`)
    .join('');
}
