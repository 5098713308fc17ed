import fc from 'fast-check';
import { CsvReader, CsvTokenizer, detectDelimiter, type CsvDelimiter, type CsvRecord } from './csv-reader';

async function readAll(chunks: Array<string | Uint8Array>): Promise<{ records: CsvRecord[]; sut: CsvReader }> {
  const sut = new CsvReader(chunks);
  const records: CsvRecord[] = [];
  for await (const record of sut.records()) {
    records.push(record);
  }
  return { records, sut };
}

function tokenize(text: string, delimiter: CsvDelimiter = ';', chunkSize = text.length || 1): CsvRecord[] {
  const sut = new CsvTokenizer(delimiter);
  const records: CsvRecord[] = [];
  for (let start = 0; start < text.length; start += chunkSize) {
    records.push(...sut.push(text.slice(start, start + chunkSize)));
  }
  return [...records, ...sut.end()];
}

/** RFC 4180 quoting, as Excel writes it: quote when needed, double the quotes inside. */
function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) || field !== field.trim()
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

describe('CsvTokenizer', () => {
  it('splits records and fields, with the line each record starts on', () => {
    expect(tokenize('a;b;c\n1;2;3\n4;5;6')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks, and counts their lines', () => {
    const text = 'naam;opmerking\r\n"Berg; van den";"zegt ""hoi""\r\nen dag"\r\nJan;x\r\n';
    expect(tokenize(text)).toEqual([
      { line: 1, fields: ['naam', 'opmerking'] },
      { line: 2, fields: ['Berg; van den', 'zegt "hoi"\r\nen dag'] },
      { line: 4, fields: ['Jan', 'x'] },
    ]);
  });

  it('skips blank lines and lines of only separators, but keeps counting them', () => {
    expect(tokenize('a;b\n\n;;\n1;2\n\r\n3;4\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['1', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  it('treats CRLF, LF and a lone CR as one line break each, also when a chunk ends between CR and LF', () => {
    const text = 'a\r\nb\rc\nd';
    for (const size of [1, 2, 3, 100]) {
      expect(tokenize(text, ';', size).map((r) => [r.line, r.fields[0]])).toEqual([
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
        [4, 'd'],
      ]);
    }
  });

  it('keeps quotes inside an unquoted field and text after a closing quote, as spreadsheets do', () => {
    expect(tokenize('Jan "JJ" Jansen;"abc"def\n')).toEqual([{ line: 1, fields: ['Jan "JJ" Jansen', 'abcdef'] }]);
  });

  it('gives a quote that is never closed its own error record and reads the lines after it', () => {
    expect(tokenize('a;b\n1;"open\n2;x\n3;y\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1;"open'], unclosedQuote: true },
      { line: 3, fields: ['2', 'x'] },
      { line: 4, fields: ['3', 'y'] },
    ]);
  });

  it('reads back whatever was written, however the text is chunked (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ';', ',', '"', '\n', '\r\n', 'x', '\t') });
    const nonBlank = fc.array(field, { minLength: 1, maxLength: 5 }).filter((r) => r.some((f) => f.trim() !== ''));
    fc.assert(
      fc.property(
        fc.array(nonBlank, { minLength: 1, maxLength: 20 }),
        fc.constantFrom<CsvDelimiter>(';', ',', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 40 }),
        (rows, delimiter, newline, chunkSize) => {
          const text = rows.map((row) => row.map((f) => quote(f, delimiter)).join(delimiter)).join(newline);
          const records = tokenize(text, delimiter, chunkSize);
          expect(records.map((r) => r.fields)).toEqual(rows);
          // Each record starts on the line after the previous one's last line.
          let line = 1;
          records.forEach((record, index) => {
            expect(record.line).toBe(line);
            line += rows[index].join('').split(/\r\n|\r|\n/).length;
          });
        },
      ),
    );
  });
});

describe('detectDelimiter', () => {
  it('takes the separator that occurs most often outside quotes, the semicolon on a tie', () => {
    expect(detectDelimiter('Voornaam;Achternaam;E-mailadres')).toBe(';');
    expect(detectDelimiter('given_name,family_name,email')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"Naam, volledig";E-mail;Functie')).toBe(';');
    expect(detectDelimiter('email')).toBe(';');
  });
});

describe('CsvReader', () => {
  const header = 'Voornaam;Achternaam\n';

  it('reads UTF-8 with and without BOM alike, in any chunks', async () => {
    const text = `${header}Zoë;Çelik\n`;
    const plain = Buffer.from(text, 'utf-8');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    for (const bytes of [plain, withBom]) {
      const chunks = [...bytes].map((byte) => Uint8Array.of(byte));
      const { records, sut } = await readAll(chunks);
      expect(records.map((r) => r.fields)).toEqual([
        ['Voornaam', 'Achternaam'],
        ['Zoë', 'Çelik'],
      ]);
      expect(sut.encoding).toBe('utf-8');
      expect(sut.delimiter).toBe(';');
    }
  });

  it('reads Windows-1252 (Excel on a Dutch Windows) when the bytes are not UTF-8', async () => {
    const bytes = Buffer.from(`${header}Zo\xeb;Bre\xe9\n`, 'latin1');
    const { records, sut } = await readAll([bytes]);
    expect(records[1].fields).toEqual(['Zoë', 'Breé']);
    expect(sut.encoding).toBe('windows-1252');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text", tab-separated)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Voornaam\tAchternaam\r\nZoë\tde Vries\r\n', 'utf16le'),
    ]);
    const { records, sut } = await readAll([bytes]);
    expect(records.map((r) => r.fields)).toEqual([
      ['Voornaam', 'Achternaam'],
      ['Zoë', 'de Vries'],
    ]);
    expect(sut).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
  });

  it('detects the separator from the header line even when the first chunk ends inside it', async () => {
    const { records, sut } = await readAll(['given_na', 'me,family_name\nAnna,de Vries\n']);
    expect(sut.delimiter).toBe(',');
    expect(records[1]).toEqual({ line: 2, fields: ['Anna', 'de Vries'] });
  });

  it('reads a file that is only a header without a line break, and an empty file', async () => {
    expect((await readAll(['email;given_name'])).records).toEqual([{ line: 1, fields: ['email', 'given_name'] }]);
    expect((await readAll([])).records).toEqual([]);
    expect((await readAll([Buffer.from([0xef, 0xbb, 0xbf])])).records).toEqual([]);
  });
});
