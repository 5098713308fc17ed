import { SchoolDirectory, type SchoolRef } from './school-directory';
import { mapStaffColumns, type StaffColumns } from './staff-columns';
import { membershipKey, planStaffImport, type StaffPlanInput, type StoredPerson } from './staff-import.planner';
import { buildStaffImportReport } from './staff-import.report';
import { StaffRowCollector } from './staff-row';

const HEADER = ['Voornaam', 'Tussenvoegsel', 'Achternaam', 'E-mailadres', 'Functie', 'BRIN', 'Leidinggevende'];
const SCHOOLS: SchoolRef[] = [
  { id: 'school-a', brin: '12AB', vestiging: '' },
  { id: 'school-b1', brin: '34CD', vestiging: '01' },
  { id: 'school-b2', brin: '34CD', vestiging: '02' },
];

function columnsOf(header: string[]): StaffColumns {
  const columns = mapStaffColumns(header);
  if ('missing' in columns) {
    throw new Error('bad header');
  }
  return columns;
}

function stored(overrides: Partial<StoredPerson> & Pick<StoredPerson, 'id' | 'email'>): StoredPerson {
  return {
    givenName: 'Jan',
    familyNamePrefix: '',
    familyName: 'Jansen',
    language: 'nl',
    active: true,
    lineManagerId: null,
    ...overrides,
  };
}

/** Plans rows given as cells in HEADER's order; line 2 is the first. */
function plan(rows: string[][], options: Partial<StaffPlanInput> & { header?: string[] } = {}) {
  const columns = columnsOf(options.header ?? HEADER);
  const collector = new StaffRowCollector(columns);
  rows.forEach((fields, index) => collector.add({ line: index + 2, fields }));
  let sequence = 0;
  return planStaffImport({
    rows: collector.rows,
    errors: collector.errors,
    columns,
    schools: new SchoolDirectory(SCHOOLS),
    stored: new Map(),
    storedMemberships: new Set(),
    newId: () => `new-${(sequence += 1)}`,
    ...options,
  });
}

describe('planStaffImport', () => {
  it('creates new people with their memberships', () => {
    const sut = plan([
      ['Anna', 'van der', 'Berg', 'anna@school.nl', 'leerkracht', '12AB', ''],
      ['Bram', '', 'Bos', 'bram@school.nl', 'IB/KC', '34CD02', ''],
    ]);
    expect(sut).toMatchObject({ created: 2, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    expect(sut.people.map((p) => [p.email, p.outcome, p.write.id])).toEqual([
      ['anna@school.nl', 'create', 'new-1'],
      ['bram@school.nl', 'create', 'new-2'],
    ]);
    expect(sut.memberships.map(({ personId, schoolId, function: fn }) => [personId, schoolId, fn])).toEqual([
      ['new-1', 'school-a', 'teacher'],
      ['new-2', 'school-b2', 'intern_begeleider'],
      ['new-2', 'school-b2', 'kwaliteitscoordinator'],
    ]);
    expect(sut.people[1].newMemberships).toEqual([
      { school: '34CD02', function: 'intern_begeleider' },
      { school: '34CD02', function: 'kwaliteitscoordinator' },
    ]);
  });

  it('names the changed fields of a known person and adds only memberships they lack', () => {
    const anna = stored({ id: 'p-anna', email: 'anna@school.nl', givenName: 'Anna', familyName: 'Berg' });
    const sut = plan([['Anna', 'van der', 'Bergh', 'ANNA@school.nl', 'leerkracht, ib', '12AB', '']], {
      stored: new Map([['anna@school.nl', anna]]),
      storedMemberships: new Set([membershipKey({ personId: 'p-anna', schoolId: 'school-a', function: 'teacher' })]),
    });
    expect(sut.people[0]).toMatchObject({ outcome: 'update', changed: ['familyNamePrefix', 'familyName'] });
    expect(sut.people[0].write).toMatchObject({ id: 'p-anna', familyNamePrefix: 'van der', familyName: 'Bergh' });
    expect(sut.memberships.map((m) => m.function)).toEqual(['intern_begeleider']);
  });

  it('counts a known person as unchanged when nothing differs, even with a new membership', () => {
    const anna = stored({ id: 'p-anna', email: 'anna@school.nl', givenName: 'Anna', familyName: 'Berg' });
    const sut = plan([['Anna', '', 'Berg', 'anna@school.nl', 'directeur', '12AB', '']], {
      stored: new Map([['anna@school.nl', anna]]),
    });
    expect(sut).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(sut.memberships).toHaveLength(1);
  });

  it('keeps stored values the file does not have a column for', () => {
    const anna = stored({
      id: 'p-anna',
      email: 'anna@school.nl',
      familyNamePrefix: 'de',
      language: 'en',
      active: false,
    });
    const sut = plan([['Jan', 'Jansen', 'anna@school.nl']], {
      header: ['Voornaam', 'Achternaam', 'Email'],
      stored: new Map([['anna@school.nl', anna]]),
    });
    expect(sut.people[0]).toMatchObject({ outcome: 'unchanged' });
    expect(sut.people[0].write).toMatchObject({ familyNamePrefix: 'de', language: 'en', active: false });
    expect(sut.memberships).toEqual([]);
  });

  it('resolves a line manager who appears later in the file, in a second pass', () => {
    const sut = plan([
      ['Anna', '', 'Berg', 'anna@school.nl', 'leerkracht', '12AB', 'dir@school.nl'],
      ['Dirk', '', 'Directeur', 'dir@school.nl', 'directeur', '12AB', ''],
    ]);
    const [anna, dirk] = sut.people;
    expect(anna.write.lineManagerId).toBeNull();
    expect(anna.lineManagerLater).toBe(dirk.write.id);
  });

  it('links a stored line manager in the first pass', () => {
    const dirk = stored({ id: 'p-dirk', email: 'dir@school.nl' });
    const sut = plan([['Anna', '', 'Berg', 'anna@school.nl', 'leerkracht', '12AB', 'DIR@school.nl']], {
      stored: new Map([['dir@school.nl', dirk]]),
    });
    expect(sut.people[0].write.lineManagerId).toBe('p-dirk');
    expect(sut.people[0].lineManagerLater).toBeUndefined();
  });

  it('reports a line manager that cannot be found, and the rows that depend on a failed one', () => {
    const sut = plan([
      ['Anna', '', 'Berg', 'anna@school.nl', 'leerkracht', '12AB', 'bram@school.nl'],
      ['Bram', '', 'Bos', 'bram@school.nl', 'werkbegeleider', '12AB', 'nobody@school.nl'],
      ['Cor', '', 'Cats', 'cor@school.nl', 'leerkracht', '12AB', ''],
    ]);
    expect(sut.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'lineManagerEmail'],
      [3, 'lineManagerEmail'],
    ]);
    expect(sut.errors[1].message).toContain('line manager "nobody@school.nl" not found');
    expect(sut.people.map((p) => p.email)).toEqual(['cor@school.nl']);
    expect(sut).toMatchObject({ created: 1, skipped: 2 });
  });

  it('reports unknown and ambiguous schools, and uses the default school for rows without one', () => {
    const sut = plan(
      [
        ['Anna', '', 'Berg', 'anna@school.nl', 'leerkracht', '99ZZ', ''],
        ['Bram', '', 'Bos', 'bram@school.nl', 'leerkracht', '34CD', ''],
        ['Cor', '', 'Cats', 'cor@school.nl', 'leerkracht', '', ''],
      ],
      { defaultSchool: SCHOOLS[1] },
    );
    expect(sut.errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'BRIN: unknown school 99ZZ: no school with BRIN 99ZZ'],
      [3, 'BRIN: school 34CD has several vestigingen (01, 02); give the vestiging, e.g. 34CD01'],
    ]);
    expect(sut.memberships.map((m) => m.schoolId)).toEqual(['school-b1']);
  });

  it('keeps rows = created + updated + unchanged + skipped, and the report lists changes only for a dry run', () => {
    const sut = plan([
      ['Anna', '', 'Berg', 'anna@school.nl', 'leerkracht', '12AB', ''],
      ['', '', 'Bos', 'bram@school.nl', 'leerkracht', '12AB', ''],
      ['Cor', '', 'Cats', 'anna@school.nl', 'leerkracht', '12AB', ''],
    ]);
    const file = { encoding: 'utf-8' as const, delimiter: ';' as const, columns: {}, ignoredColumns: [] };
    const dry = buildStaffImportReport(sut, { dryRun: true, rows: 3, file });
    expect(dry).toMatchObject({ rows: 3, created: 1, updated: 0, unchanged: 0, skipped: 2, membershipsCreated: 1 });
    expect(dry.changes).toEqual([
      { line: 2, email: 'anna@school.nl', person: 'create', memberships: [{ school: '12AB', function: 'teacher' }] },
    ]);
    expect(buildStaffImportReport(sut, { dryRun: false, rows: 3, file }).changes).toBeUndefined();
    const truncated = buildStaffImportReport(sut, { dryRun: true, rows: 3, file, limits: { errors: 1, changes: 0 } });
    expect(truncated).toMatchObject({ errorsTruncated: true, changesTruncated: true, changes: [] });
    expect(truncated.errors).toHaveLength(1);
  });
});
