import { isEmail } from 'class-validator';
import type { SchoolFunction } from '../persons/membership.entity';
import { normalizeEmail, type Language } from '../persons/person.entity';
import type { CsvRecord } from './csv-reader';
import type { StaffColumns, StaffField } from './staff-columns';
import { parseFunctions } from './staff-functions';

/** A BRIN code as a row or the default gives it; `vestiging` undefined when none was given. */
export interface SchoolCode {
  brin: string;
  vestiging?: string;
}

/** One valid row of a staff file. Optional fields are undefined when the file leaves them out. */
export interface StaffRow {
  line: number;
  email: string;
  givenName: string;
  /** '' when the column is there and the cell is empty; undefined when the file has no such column. */
  familyNamePrefix?: string;
  familyName: string;
  /** Empty when the file has no function column (then the import only updates people). */
  functions: SchoolFunction[];
  school?: SchoolCode;
  language?: Language;
  active?: boolean;
  lineManagerEmail?: string;
}

export interface StaffRowError {
  /** The line of the file (the header is line 1). */
  line: number;
  field?: StaffField;
  message: string;
}

/** Column widths of the person table. */
const MAX_LENGTH: Partial<Record<StaffField, number>> = {
  email: 254,
  givenName: 100,
  familyNamePrefix: 30,
  familyName: 100,
  lineManagerEmail: 254,
};

const LANGUAGE_BY_KEY: Record<string, Language> = {
  nl: 'nl',
  ned: 'nl',
  nederlands: 'nl',
  dutch: 'nl',
  en: 'en',
  eng: 'en',
  engels: 'en',
  english: 'en',
};

const ACTIVE_BY_KEY: Record<string, boolean> = {
  ja: true,
  j: true,
  yes: true,
  y: true,
  true: true,
  waar: true,
  '1': true,
  x: true,
  actief: true,
  active: true,
  'in dienst': true,
  nee: false,
  n: false,
  no: false,
  false: false,
  onwaar: false,
  '0': false,
  inactief: false,
  inactive: false,
  'niet actief': false,
  'uit dienst': false,
};

/** Trimmed, inner whitespace collapsed, invisible characters (zero-width spaces, stray BOMs) gone. */
export function cleanCell(value: string | undefined): string {
  return (value ?? '')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A value shown in a message: quoted, and cut short when long. */
function show(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/**
 * The email as we store it (trimmed, lower case), or why it is not one. Only ASCII addresses:
 * the database compares emails case- and accent-insensitively, so `josé@` and `jose@` would be
 * one person there but two here.
 */
export function parseEmail(raw: string): { email: string } | { error: string } {
  const email = normalizeEmail(raw.replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1'));
  if (email === '') {
    return { error: 'is empty' };
  }
  if (!/^[\x21-\x7e]+$/.test(email)) {
    return { error: `${show(email)} has characters other than ASCII letters, digits and punctuation` };
  }
  if (email.length > 254 || !isEmail(email, { allow_utf8_local_part: false, require_tld: true })) {
    return { error: `${show(email)} is not a valid email address` };
  }
  return { email };
}

/**
 * `12AB`, `12ab`, `12AB01`, `12AB 01`, `12AB-01`: a BRIN code with optional vestiging. A separate
 * vestiging cell (`1`, `01`) adds to a BRIN without one.
 */
export function parseSchoolCode(raw: string, vestigingRaw = ''): SchoolCode | { error: string } {
  const code = raw.toUpperCase().replace(/[\s.-]/g, '');
  const match = /^(\d{2}[A-Z]{2})(\d{2})?$/.exec(code);
  if (!match) {
    return { error: `${show(raw)} is not a BRIN code (2 digits and 2 letters, e.g. 12AB, or 12AB01 with vestiging)` };
  }
  const vestigingCell = vestigingRaw.replace(/\s/g, '');
  if (vestigingCell !== '' && !/^\d{1,2}$/.test(vestigingCell)) {
    return { error: `vestiging ${show(vestigingRaw)} is not a number of 1 or 2 digits` };
  }
  const fromCell = vestigingCell === '' ? undefined : vestigingCell.padStart(2, '0');
  if (match[2] !== undefined && fromCell !== undefined && match[2] !== fromCell) {
    return { error: `${show(raw)} says vestiging ${match[2]} but the vestiging column says ${fromCell}` };
  }
  const vestiging = match[2] ?? fromCell;
  return vestiging === undefined ? { brin: match[1] } : { brin: match[1], vestiging };
}

/**
 * Checks one record on its own (what needs no database): required names, email, functions,
 * the form of the school code, language, active, the form of the line manager's email.
 * Returns the row when it is valid, and the email whenever it is readable, so the caller can
 * spot duplicates even among rows with other errors.
 */
export function validateStaffRow(
  record: CsvRecord,
  columns: StaffColumns,
): { row?: StaffRow; email?: string; errors: StaffRowError[] } {
  const { line } = record;
  if (record.unclosedQuote) {
    return {
      errors: [{ line, message: 'a quote (") opened on this line is never closed; the line was not read' }],
    };
  }
  const errors: StaffRowError[] = [];
  const has = (field: StaffField) => columns.byField.has(field);
  const label = (field: StaffField) => columns.byField.get(field)?.header ?? field;
  const cell = (field: StaffField) => {
    const column = columns.byField.get(field);
    return column ? cleanCell(record.fields[column.index]) : '';
  };
  const fail = (field: StaffField, message: string) =>
    errors.push({ line, field, message: `${label(field)}: ${message}` });
  const checkLength = (field: StaffField, value: string) => {
    const max = MAX_LENGTH[field];
    if (max !== undefined && value.length > max) {
      fail(field, `longer than ${max} characters`);
    }
  };

  const parsedEmail = parseEmail(cell('email'));
  if ('error' in parsedEmail) {
    fail('email', parsedEmail.error);
  }

  const givenName = cell('givenName');
  const familyName = cell('familyName');
  if (givenName === '') {
    fail('givenName', 'missing name');
  }
  if (familyName === '') {
    fail('familyName', 'missing name');
  }
  checkLength('givenName', givenName);
  checkLength('familyName', familyName);
  const familyNamePrefix = has('familyNamePrefix') ? cell('familyNamePrefix') : undefined;
  checkLength('familyNamePrefix', familyNamePrefix ?? '');

  let functions: SchoolFunction[] = [];
  if (has('function')) {
    const parsed = parseFunctions(cell('function'));
    functions = parsed.functions;
    if (parsed.unknown.length > 0) {
      fail('function', `unknown function ${parsed.unknown.map(show).join(', ')}`);
    } else if (functions.length === 0) {
      fail('function', 'missing function');
    }
  }

  let school: SchoolCode | undefined;
  if (cell('school') !== '') {
    const parsed = parseSchoolCode(cell('school'), cell('vestiging'));
    if ('error' in parsed) {
      fail('school', parsed.error);
    } else {
      school = parsed;
    }
  }

  let language: Language | undefined;
  if (cell('language') !== '') {
    language = LANGUAGE_BY_KEY[cell('language').toLowerCase()];
    if (!language) {
      fail('language', `unknown language ${show(cell('language'))} (nl or en)`);
    }
  }

  let active: boolean | undefined;
  if (cell('active') !== '') {
    active = ACTIVE_BY_KEY[cell('active').toLowerCase()];
    if (active === undefined) {
      fail('active', `${show(cell('active'))} is not yes or no (ja/nee)`);
    }
  }

  let lineManagerEmail: string | undefined;
  if (cell('lineManagerEmail') !== '') {
    const parsed = parseEmail(cell('lineManagerEmail'));
    if ('error' in parsed) {
      fail('lineManagerEmail', `line manager: ${parsed.error}`);
    } else if ('email' in parsedEmail && parsed.email === parsedEmail.email) {
      fail('lineManagerEmail', 'a person cannot be their own line manager');
    } else {
      lineManagerEmail = parsed.email;
    }
  }

  const email = 'email' in parsedEmail ? parsedEmail.email : undefined;
  if (errors.length > 0 || email === undefined) {
    return { email, errors };
  }
  return {
    email,
    errors,
    row: {
      line,
      email,
      givenName,
      ...(familyNamePrefix !== undefined ? { familyNamePrefix } : {}),
      familyName,
      functions,
      ...(school ? { school } : {}),
      ...(language ? { language } : {}),
      ...(active !== undefined ? { active } : {}),
      ...(lineManagerEmail ? { lineManagerEmail } : {}),
    },
  };
}

/**
 * Validates records as they are read and keeps the valid rows. An email that appears again is
 * an error on the later line (the first one wins), also when the first row had other errors.
 */
export class StaffRowCollector {
  readonly rows: StaffRow[] = [];
  readonly errors: StaffRowError[] = [];
  /** Data records read (blank lines are not records). */
  records = 0;
  private readonly firstLineByEmail = new Map<string, number>();

  constructor(private readonly columns: StaffColumns) {}

  add(record: CsvRecord): void {
    this.records += 1;
    const { row, email, errors } = validateStaffRow(record, this.columns);
    if (email !== undefined) {
      const first = this.firstLineByEmail.get(email);
      if (first === undefined) {
        this.firstLineByEmail.set(email, record.line);
      } else {
        const label = this.columns.byField.get('email')?.header ?? 'email';
        errors.unshift({
          line: record.line,
          field: 'email',
          message: `${label}: duplicate email ${show(email)} within the file (first on line ${first})`,
        });
      }
    }
    if (errors.length > 0) {
      this.errors.push(...errors);
    } else if (row) {
      this.rows.push(row);
    }
  }
}
