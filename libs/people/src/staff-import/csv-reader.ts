import { TextDecoder } from 'node:util';

/**
 * Reads CSV as school administration systems (ParnasSys, Magister, AFAS) and Excel export it:
 * semicolon, comma or tab separated (detected from the header line), UTF-8 with or without BOM,
 * UTF-16 with a BOM (Excel's "Unicode text") or Windows-1252 (Excel's "CSV" on a Dutch Windows),
 * quoted fields with separators, doubled quotes and line breaks (RFC 4180).
 *
 * It streams: chunks go in, records come out as soon as they are complete, and each record knows
 * the line of the file it starts on (the header is line 1), so errors can point at it.
 */

export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface CsvRecord {
  /** The line of the file where the record starts; the header is line 1. */
  line: number;
  fields: string[];
  /**
   * The record opens a quote that is never closed. Only its first line is given (as one field);
   * the lines after it are read again as records of their own, so one stray quote costs one row.
   */
  unclosedQuote?: boolean;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

// Tokenizer states.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: the next character says whether it was "" or the closing one. */
const QUOTE_IN_QUOTED = 3;

/** Turns text into records, chunk by chunk. Blank lines (and lines of only separators) are skipped. */
export class CsvTokenizer {
  private line: number;
  private recordLine: number;
  private fields: string[] = [];
  private field = '';
  private state = FIELD_START;
  private previousWasCr = false;
  /** The text of the record in progress, to read it again if it turns out to open a quote for good. */
  private recordText = '';
  private readonly delimiter: number;

  constructor(delimiter: CsvDelimiter, firstLine = 1) {
    this.delimiter = delimiter.charCodeAt(0);
    this.line = firstLine;
    this.recordLine = firstLine;
  }

  /** Adds text and returns the records it completed. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const delimiter = this.delimiter;
    let recordStart = 0;
    let runStart = this.state === UNQUOTED || this.state === QUOTED ? 0 : -1;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      const afterCr = this.previousWasCr;
      this.previousWasCr = c === CR;
      switch (this.state) {
        case FIELD_START:
          if (c === QUOTE) {
            this.state = QUOTED;
            runStart = i + 1;
          } else if (c === delimiter) {
            this.endField();
          } else if (c === CR || c === LF) {
            if (c === LF && afterCr) {
              // The LF of a CRLF whose CR ended the record.
              recordStart = i + 1;
              continue;
            }
            this.endRecord(out);
            recordStart = i + 1;
          } else {
            this.state = UNQUOTED;
            runStart = i;
          }
          break;
        case UNQUOTED:
          if (c === delimiter) {
            this.field += text.slice(runStart, i);
            this.endField();
          } else if (c === CR || c === LF) {
            this.field += text.slice(runStart, i);
            this.endRecord(out);
            recordStart = i + 1;
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            this.field += text.slice(runStart, i);
            this.state = QUOTE_IN_QUOTED;
          } else if (c === CR || (c === LF && !afterCr)) {
            this.line += 1;
          }
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            this.field += '"';
            this.state = QUOTED;
            runStart = i + 1;
          } else if (c === delimiter) {
            this.endField();
          } else if (c === CR || c === LF) {
            this.endRecord(out);
            recordStart = i + 1;
          } else {
            // Lenient: text after a closing quote ("abc"def) is kept, as spreadsheets do.
            this.state = UNQUOTED;
            runStart = i;
          }
          break;
      }
    }
    if (this.state === UNQUOTED || this.state === QUOTED) {
      this.field += text.slice(runStart);
    }
    if (this.state !== FIELD_START || this.fields.length > 0) {
      this.recordText += text.slice(recordStart);
    }
    return out;
  }

  /** Ends the input: returns the last record (when the file does not end with a line break). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === QUOTED) {
      out.push(...this.recoverFromUnclosedQuote());
    } else if (this.state !== FIELD_START || this.fields.length > 0) {
      this.endRecord(out);
    }
    return out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = FIELD_START;
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    if (this.fields.some((field) => field.trim() !== '')) {
      out.push({ line: this.recordLine, fields: this.fields });
    }
    this.fields = [];
    this.field = '';
    this.state = FIELD_START;
    this.recordText = '';
    this.line += 1;
    this.recordLine = this.line;
  }

  /** The record's first line becomes an error record; the lines after it are read again. */
  private recoverFromUnclosedQuote(): CsvRecord[] {
    const text = this.recordText;
    const lineBreak = /\r\n|\r|\n/.exec(text);
    const firstLine = lineBreak ? text.slice(0, lineBreak.index) : text;
    const out: CsvRecord[] = [{ line: this.recordLine, fields: [firstLine], unclosedQuote: true }];
    if (lineBreak) {
      const rest = new CsvTokenizer(String.fromCharCode(this.delimiter) as CsvDelimiter, this.recordLine + 1);
      out.push(...rest.push(text.slice(lineBreak.index + lineBreak[0].length)), ...rest.end());
    }
    return out;
  }
}

/**
 * The separator of a header line: the candidate that occurs most often outside quotes. Ties go
 * to the semicolon, which Dutch exports use (the comma is the decimal separator there).
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const unquoted = headerLine.replace(/"[^"]*("|$)/g, '');
  let best: CsvDelimiter = ';';
  let bestCount = 0;
  for (const candidate of CSV_DELIMITERS) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** How many bytes are looked at to tell UTF-8 from Windows-1252. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Bytes to text. The encoding is decided once, from the start of the file: a BOM says it; else
 * bytes that are valid UTF-8 are read as UTF-8, anything else as Windows-1252.
 */
export class CsvDecoder {
  encoding: CsvEncoding | undefined;
  private decoder: TextDecoder | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  decode(chunk: Uint8Array): string {
    if (this.decoder) {
      return this.decoder.decode(chunk, { stream: true });
    }
    this.pending.push(Buffer.from(chunk));
    this.pendingBytes += chunk.byteLength;
    return this.pendingBytes >= SNIFF_BYTES ? this.start(false) : '';
  }

  end(): string {
    const rest = this.decoder ? '' : this.start(true);
    return rest + (this.decoder?.decode() ?? '');
  }

  private start(atEnd: boolean): string {
    let bytes = Buffer.concat(this.pending);
    this.pending = [];
    let encoding: CsvEncoding;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      encoding = 'utf-8';
      bytes = bytes.subarray(3);
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      encoding = 'utf-16le';
      bytes = bytes.subarray(2);
    } else {
      encoding = isUtf8(bytes, atEnd) ? 'utf-8' : 'windows-1252';
    }
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
    return this.decoder.decode(bytes, { stream: true });
  }
}

function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * Reads records from a stream of bytes (a file, a request body) or text. `encoding` and
 * `delimiter` are known once the first record (the header) has been returned.
 */
export class CsvReader {
  encoding: CsvEncoding = 'utf-8';
  delimiter: CsvDelimiter = ';';

  constructor(private readonly source: CsvSource) {}

  async *records(): AsyncGenerator<CsvRecord> {
    const decoder = new CsvDecoder();
    let tokenizer: CsvTokenizer | undefined;
    let head = '';
    let first = true;

    const feed = (text: string, atEnd: boolean): CsvRecord[] => {
      if (first && text.length > 0) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
      if (!tokenizer) {
        head += text;
        const lineEnd = head.search(/[\r\n]/);
        if (lineEnd < 0 && !atEnd) {
          return [];
        }
        this.delimiter = detectDelimiter(lineEnd < 0 ? head : head.slice(0, lineEnd));
        tokenizer = new CsvTokenizer(this.delimiter);
        text = head;
        head = '';
      }
      return atEnd ? [...tokenizer.push(text), ...tokenizer.end()] : tokenizer.push(text);
    };

    for await (const chunk of this.source) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk);
      this.encoding = decoder.encoding ?? this.encoding;
      yield* feed(text, false);
    }
    const rest = decoder.end();
    this.encoding = decoder.encoding ?? this.encoding;
    yield* feed(rest, true);
  }
}
