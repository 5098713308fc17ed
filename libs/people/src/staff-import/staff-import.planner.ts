import type { SchoolFunction } from '../persons/membership.entity';
import type { Language } from '../persons/person.entity';
import { schoolCodeOf, type SchoolDirectory, type SchoolRef } from './school-directory';
import type { StaffColumns } from './staff-columns';
import type { StaffRow, StaffRowError } from './staff-row';

/** A person as stored, with what the import compares. */
export interface StoredPerson {
  id: string;
  email: string;
  givenName: string;
  familyNamePrefix: string;
  familyName: string;
  language: Language;
  active: boolean;
  lineManagerId: string | null;
}

/** The person fields an import can change, as a report names them. */
export const PERSON_FIELDS = [
  'givenName',
  'familyNamePrefix',
  'familyName',
  'language',
  'active',
  'lineManager',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** A person row to write: complete, so a new person can be inserted from it. */
export type PersonWrite = StoredPerson;

export interface PlannedMembership {
  id: string;
  personId: string;
  schoolId: string;
  function: SchoolFunction;
}

export interface PlannedPerson {
  line: number;
  email: string;
  outcome: 'create' | 'update' | 'unchanged';
  changed: PersonField[];
  /** What the first pass writes (for create and update). */
  write: PersonWrite;
  /**
   * The line manager's id when that manager is new in this import: the first pass cannot point
   * at a row that is not there yet, so a second pass sets it once everyone is stored.
   */
  lineManagerLater?: string;
  newMemberships: Array<{ school: string; function: SchoolFunction }>;
}

export interface StaffImportPlan {
  /** Every valid row, in file order. */
  people: PlannedPerson[];
  memberships: PlannedMembership[];
  /** Every error (from reading and from planning), by line. */
  errors: StaffRowError[];
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported because they have errors. */
  skipped: number;
}

export interface StaffPlanInput {
  rows: readonly StaffRow[];
  /** Errors found while reading; their rows are not in `rows`. */
  errors: readonly StaffRowError[];
  columns: StaffColumns;
  schools: SchoolDirectory;
  /** For rows without a school of their own. */
  defaultSchool?: SchoolRef;
  /** The stored people with the file's emails and line-manager emails, by (normalized) email. */
  stored: ReadonlyMap<string, StoredPerson>;
  /** `personId|schoolId|function` of the stored memberships of those people. */
  storedMemberships: ReadonlySet<string>;
  newId: () => string;
}

export const membershipKey = (m: Pick<PlannedMembership, 'personId' | 'schoolId' | 'function'>): string =>
  `${m.personId}|${m.schoolId}|${m.function}`;

/**
 * Decides, without writing, what importing the rows does: which people are new, which change
 * (and which fields), which memberships are added. Rows whose school or line manager cannot be
 * found become errors; everything else goes ahead.
 */
export function planStaffImport(input: StaffPlanInput): StaffImportPlan {
  const { stored, columns } = input;
  const errors: StaffRowError[] = [];
  const label = (field: 'school' | 'lineManagerEmail') => columns.byField.get(field)?.header ?? field;

  // Schools: each row with functions needs one, from its own cell or the default.
  const schoolByLine = new Map<number, SchoolRef>();
  const valid = new Map<string, StaffRow>();
  for (const row of input.rows) {
    if (row.functions.length > 0) {
      const resolved = row.school
        ? input.schools.resolve(row.school)
        : input.defaultSchool
          ? { school: input.defaultSchool }
          : { error: 'no school: fill in the BRIN code, or give a default school' };
      if ('error' in resolved) {
        errors.push({ line: row.line, field: 'school', message: `${label('school')}: ${resolved.error}` });
        continue;
      }
      schoolByLine.set(row.line, resolved.school);
    }
    valid.set(row.email, row);
  }

  // Line managers: a valid row of this file or a stored person. A row that fails takes the
  // rows that report to it along (unless they also exist already), hence the work list.
  const subordinates = new Map<string, StaffRow[]>();
  const unresolved: StaffRow[] = [];
  for (const row of valid.values()) {
    if (row.lineManagerEmail !== undefined) {
      const reports = subordinates.get(row.lineManagerEmail);
      if (reports) {
        reports.push(row);
      } else {
        subordinates.set(row.lineManagerEmail, [row]);
      }
      if (!valid.has(row.lineManagerEmail) && !stored.has(row.lineManagerEmail)) {
        unresolved.push(row);
      }
    }
  }
  for (let row = unresolved.pop(); row; row = unresolved.pop()) {
    if (!valid.delete(row.email)) {
      continue;
    }
    errors.push({
      line: row.line,
      field: 'lineManagerEmail',
      message: `${label('lineManagerEmail')}: line manager ${JSON.stringify(row.lineManagerEmail)} not found (not in Leerkring, and not a valid row of this file)`,
    });
    if (!stored.has(row.email)) {
      unresolved.push(...(subordinates.get(row.email) ?? []).filter((sub) => valid.has(sub.email)));
    }
  }

  const ids = new Map<string, string>();
  const created = new Set<string>();
  for (const email of valid.keys()) {
    const existing = stored.get(email);
    ids.set(email, existing?.id ?? input.newId());
    if (!existing) {
      created.add(email);
    }
  }

  const people: PlannedPerson[] = [];
  const memberships: PlannedMembership[] = [];
  const plannedMemberships = new Set<string>();
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const row of input.rows) {
    if (valid.get(row.email) !== row) {
      continue;
    }
    const id = ids.get(row.email) as string;
    const current = stored.get(row.email);
    const managerEmail = row.lineManagerEmail;
    const managerId = managerEmail === undefined ? undefined : (ids.get(managerEmail) ?? stored.get(managerEmail)?.id);
    const managerIsNew = managerEmail !== undefined && created.has(managerEmail);
    const target: PersonWrite = {
      id,
      email: row.email,
      givenName: row.givenName,
      familyNamePrefix: row.familyNamePrefix ?? current?.familyNamePrefix ?? '',
      familyName: row.familyName,
      language: row.language ?? current?.language ?? 'nl',
      active: row.active ?? current?.active ?? true,
      lineManagerId: managerId ?? current?.lineManagerId ?? null,
    };
    const changed = current ? changedFields(current, target) : [];
    const outcome = !current ? 'create' : changed.length > 0 ? 'update' : 'unchanged';
    counts[outcome] += 1;

    const newMemberships: PlannedPerson['newMemberships'] = [];
    const school = schoolByLine.get(row.line);
    for (const fn of school ? row.functions : []) {
      const membership = { id: '', personId: id, schoolId: (school as SchoolRef).id, function: fn };
      const key = membershipKey(membership);
      if (!input.storedMemberships.has(key) && !plannedMemberships.has(key)) {
        plannedMemberships.add(key);
        memberships.push({ ...membership, id: input.newId() });
        newMemberships.push({ school: schoolCodeOf(school as SchoolRef), function: fn });
      }
    }

    people.push({
      line: row.line,
      email: row.email,
      outcome,
      changed,
      write: managerIsNew ? { ...target, lineManagerId: current?.lineManagerId ?? null } : target,
      ...(managerIsNew && managerId !== undefined ? { lineManagerLater: managerId } : {}),
      newMemberships,
    });
  }

  const allErrors = [...input.errors, ...errors].sort((a, b) => a.line - b.line);
  return {
    people,
    memberships,
    errors: allErrors,
    created: counts.create,
    updated: counts.update,
    unchanged: counts.unchanged,
    skipped: new Set(allErrors.map((error) => error.line)).size,
  };
}

function changedFields(current: StoredPerson, target: PersonWrite): PersonField[] {
  const changed: PersonField[] = [];
  for (const field of ['givenName', 'familyNamePrefix', 'familyName', 'language', 'active'] as const) {
    if (current[field] !== target[field]) {
      changed.push(field);
    }
  }
  if (current.lineManagerId !== target.lineManagerId) {
    changed.push('lineManager');
  }
  return changed;
}
