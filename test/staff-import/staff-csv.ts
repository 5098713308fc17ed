import type { SchoolFunction } from '@leerkring/people';
import { asciiSlug } from '../../apps/cli/src/commands/seed-demo/demo-email';
import { DUTCH_FAMILY_NAMES, DUTCH_GIVEN_NAMES } from '../../apps/cli/src/commands/seed-demo/demo-names';
import { pick, seededRandom, type Random } from '../../apps/cli/src/commands/seed-demo/prng';

/**
 * Staff files as a school administration system exports them, for the staff-import tests and
 * the benchmark: Dutch names and headers, Dutch function names in their usual spellings, one
 * director per school who is everyone's leidinggevende (and who often comes later in the file),
 * and a free-text column with quotes, semicolons and line breaks that the import must skip.
 */
export interface StaffLine {
  givenName: string;
  familyNamePrefix: string;
  familyName: string;
  email: string;
  /** As written in the Functie column. */
  functionLabel: string;
  /** What the import should make of it (written here by hand, not by the import's own mapping). */
  functions: SchoolFunction[];
  /** BRIN with vestiging, e.g. 12AB or 12AB01. */
  school: string;
  language: 'nl' | 'en';
  active: boolean;
  /** '' when the row names none. */
  lineManagerEmail: string;
  remark: string;
}

export interface StaffSchool {
  brin: string;
  vestiging: string;
}

const FUNCTION_LABELS: ReadonlyArray<{ label: string; functions: SchoolFunction[]; weight: number }> = [
  { label: 'Leerkracht', functions: ['teacher'], weight: 40 },
  { label: 'Leraar LB', functions: ['teacher'], weight: 10 },
  { label: 'Groepsleerkracht', functions: ['teacher'], weight: 10 },
  { label: 'Docent', functions: ['teacher'], weight: 4 },
  { label: 'Startende leerkracht', functions: ['starter'], weight: 5 },
  { label: 'Stagiair(e)', functions: ['trainee'], weight: 3 },
  { label: 'LIO', functions: ['trainee'], weight: 2 },
  { label: 'Onderwijsassistent', functions: ['teaching_assistant'], weight: 8 },
  { label: 'Klassenassistent', functions: ['teaching_assistant'], weight: 2 },
  { label: 'Intern begeleider', functions: ['intern_begeleider'], weight: 3 },
  { label: "IB'er", functions: ['intern_begeleider'], weight: 2 },
  { label: "Leerkracht / IB'er", functions: ['teacher', 'intern_begeleider'], weight: 2 },
  { label: 'Kwaliteitscoördinator', functions: ['kwaliteitscoordinator'], weight: 2 },
  { label: 'Werkbegeleider', functions: ['werkbegeleider'], weight: 2 },
  { label: 'Werkplekbegeleider/vakcoach', functions: ['vakcoach'], weight: 2 },
  { label: 'Schoolopleider', functions: ['schoolopleider'], weight: 1 },
];
const TOTAL_WEIGHT = FUNCTION_LABELS.reduce((sum, entry) => sum + entry.weight, 0);

const REMARKS = ['', '', '', '', 'ma/di/do', 'parttime; 0,6 fte', 'zwangerschapsverlof tot "half mei"', 'BHV\nEHBO'];

function pickFunction(random: Random): (typeof FUNCTION_LABELS)[number] {
  let left = random() * TOTAL_WEIGHT;
  for (const entry of FUNCTION_LABELS) {
    left -= entry.weight;
    if (left < 0) {
      return entry;
    }
  }
  return FUNCTION_LABELS[0];
}

/**
 * `rows` staff over the given schools: each school's first row is its director, the rest report
 * to that director. The rows are shuffled, so a director is often listed after their staff.
 */
export function generateStaff(options: {
  rows: number;
  schools: readonly StaffSchool[];
  domain: string;
  seed?: number;
}): StaffLine[] {
  const random = seededRandom(options.seed ?? 20_26);
  const schoolCode = (school: StaffSchool) => `${school.brin}${school.vestiging}`;
  const directors = new Map<string, string>();
  const lines: StaffLine[] = [];
  for (let index = 0; index < options.rows; index += 1) {
    const school = options.schools[index % options.schools.length];
    const code = schoolCode(school);
    const givenName = pick(random, DUTCH_GIVEN_NAMES);
    const family = pick(random, DUTCH_FAMILY_NAMES);
    const email = `${asciiSlug(givenName)}.${asciiSlug(`${family.prefix}${family.name}`)}.${index}@${options.domain}`;
    const isDirector = !directors.has(code);
    const fn = isDirector
      ? { label: random() < 0.8 ? 'Directeur' : 'Locatieleider', functions: ['director' as const] }
      : pickFunction(random);
    if (isDirector) {
      directors.set(code, email);
    }
    lines.push({
      givenName,
      familyNamePrefix: family.prefix,
      familyName: family.name,
      email: random() < 0.1 ? email.toUpperCase() : email,
      functionLabel: fn.label,
      functions: [...fn.functions],
      school: code,
      language: random() < 0.05 ? 'en' : 'nl',
      active: random() < 0.97,
      lineManagerEmail: isDirector || random() < 0.1 ? '' : (directors.get(code) as string),
      remark: pick(random, REMARKS),
    });
  }
  // Fisher-Yates with the same seeded source.
  for (let i = lines.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return lines;
}

export const STAFF_CSV_HEADER = [
  'Voornaam',
  'Tussenvoegsel',
  'Achternaam',
  'E-mailadres',
  'Functie',
  'BRIN',
  'Taal',
  'Leidinggevende',
  'Actief',
  'Opmerking',
];

function quoted(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * The file as Excel writes it (BOM, CRLF, `;`), or otherwise. `lineOf[i]` is the line of the file
 * on which row i starts: quoted line breaks make it differ from i + 2.
 */
export function staffCsv(
  lines: readonly StaffLine[],
  options: { delimiter?: ';' | ','; bom?: boolean; newline?: string } = {},
): { text: string; lineOf: number[] } {
  const { delimiter = ';', bom = true, newline = '\r\n' } = options;
  const out = [STAFF_CSV_HEADER.join(delimiter)];
  const lineOf: number[] = [];
  let line = 2;
  for (const row of lines) {
    const fields = [
      row.givenName,
      row.familyNamePrefix,
      row.familyName,
      row.email,
      row.functionLabel,
      row.school,
      row.language.toUpperCase(),
      row.lineManagerEmail,
      row.active ? 'ja' : 'nee',
      row.remark.replace(/\n/g, newline),
    ];
    lineOf.push(line);
    line += 1 + (row.remark.match(/\n/g)?.length ?? 0);
    out.push(fields.map((field) => quoted(field, delimiter)).join(delimiter));
  }
  return { text: `${bom ? '\uFEFF' : ''}${out.join(newline)}${newline}`, lineOf };
}
