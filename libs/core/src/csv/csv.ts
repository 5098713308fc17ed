/**
 * RFC 4180 CSV with a header row, for exports people open in a spreadsheet. A text cell that
 * could start a formula (`=`, `+`, `-`, `@`, or a tab or carriage return before one) gets a
 * leading `'`, so an export never runs one.
 * `delimiter: ';'` with a byte-order mark is what Dutch Excel opens without asking.
 */
export function toCsv<T extends object>(
  rows: readonly T[],
  columns: ReadonlyArray<keyof T & string>,
  { delimiter = ',', bom = false }: { delimiter?: ',' | ';'; bom?: boolean } = {},
): string {
  const needsQuotes = delimiter === ';' ? /[";\r\n]/ : /[",\r\n]/;
  const cell = (value: unknown): string => {
    let text =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
      text = `'${text}`;
    }
    return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    columns.join(delimiter),
    ...rows.map((row) => columns.map((column) => cell(row[column])).join(delimiter)),
  ];
  return (bom ? '\uFEFF' : '') + lines.map((line) => `${line}\r\n`).join('');
}
