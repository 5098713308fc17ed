import { randomUUID } from 'node:crypto';
import type { DemoFoundation } from './demo-foundation';
import type { DemoSchool } from './demo-schools';
import type { DemoSeedRepository, MembershipRow, PersonRow, SchoolRow } from './demo-seed.repository';
import type { SeedProgress } from './seed-progress';
import { planUpserts, type UpsertPlan } from './upsert-plan';

export interface TableChanges {
  total: number;
  created: number;
  updated: number;
}

export interface DemoWriteResult {
  /** The foundation row's name: the demo's, or the one that was already there. */
  foundationName: string;
  foundationCreated: boolean;
  schools: TableChanges;
  staff: TableChanges;
  memberships: TableChanges;
  adminPersonId: string;
}

const SCHOOL_FIELDS = ['name', 'sector', 'holidayRegion', 'street', 'postalCode', 'city'] as const;
const PERSON_FIELDS = ['givenName', 'familyNamePrefix', 'familyName', 'language', 'isAdmin', 'lineManagerId'] as const;

const schoolKey = (school: Pick<DemoSchool, 'brin' | 'vestiging'>): string =>
  `${school.brin.toUpperCase()}/${school.vestiging}`;
const membershipKey = (m: Pick<MembershipRow, 'personId' | 'schoolId' | 'function'>): string =>
  `${m.personId}|${m.schoolId}|${m.function}`;

/** The id stored or chosen for a key; the generator only refers to people and schools it made. */
function idOf(ids: ReadonlyMap<string, string>, key: string): string {
  const id = ids.get(key);
  if (id === undefined) {
    throw new Error(`demo data refers to an unknown row (${key})`);
  }
  return id;
}

function changes<T>(plan: UpsertPlan<T>): TableChanges {
  return { total: plan.write.length + plan.unchanged, created: plan.created, updated: plan.updated };
}

function describe(label: string, table: TableChanges): string {
  const news =
    table.created + table.updated === 0 ? 'nothing to change' : `${table.created} new, ${table.updated} changed`;
  return `${label}: ${table.total} (${news})`;
}

/**
 * Writes the generated foundation: existing rows are found by their natural keys and keep their
 * ids; only new or different rows are written. Line managers are resolved to ids before the
 * staff are written, so one pass (managers first) stores the whole hierarchy.
 */
export async function writeDemoFoundation(
  repository: DemoSeedRepository,
  demo: DemoFoundation,
  progress: SeedProgress,
): Promise<DemoWriteResult> {
  // The foundation: one row. An existing one (named otherwise) is kept as it is.
  const [existingFoundation] = await repository.findFoundations();
  if (!existingFoundation) {
    await repository.insertFoundation(randomUUID(), demo.name);
  }
  const foundationName = existingFoundation?.name ?? demo.name;
  progress.line(`foundation: ${foundationName} (${existingFoundation ? 'already there' : 'new'})`);

  const storedSchools = await repository.findSchools(demo.schools.map((school) => school.brin));
  const storedSchoolByKey = new Map(storedSchools.map((school) => [schoolKey(school), school] as const));
  const schoolRows: SchoolRow[] = demo.schools.map((school) => ({
    ...school,
    id: storedSchoolByKey.get(schoolKey(school))?.id ?? randomUUID(),
  }));
  const schoolPlan = planUpserts(schoolRows, storedSchoolByKey, schoolKey, SCHOOL_FIELDS);
  await repository.upsertSchools(schoolPlan.write);
  const schoolIds = new Map(schoolRows.map((row) => [schoolKey(row), row.id] as const));
  progress.line(describe('schools', changes(schoolPlan)));

  const storedPeople = await repository.findPeople(demo.people.map((person) => person.email));
  const storedPersonByEmail = new Map(storedPeople.map((person) => [person.email.toLowerCase(), person] as const));
  const personIds = new Map(
    demo.people.map((person) => [person.email, storedPersonByEmail.get(person.email)?.id ?? randomUUID()] as const),
  );
  const personRows: PersonRow[] = demo.people.map((person) => ({
    id: idOf(personIds, person.email),
    email: person.email,
    givenName: person.givenName,
    familyNamePrefix: person.familyNamePrefix,
    familyName: person.familyName,
    language: person.language,
    isAdmin: person.isAdmin,
    lineManagerId: person.lineManagerEmail === null ? null : idOf(personIds, person.lineManagerEmail),
  }));
  const personPlan = planUpserts(personRows, storedPersonByEmail, (row) => row.email, PERSON_FIELDS);
  if (personPlan.write.length > 0) {
    progress.start('staff', personPlan.write.length);
    try {
      await repository.upsertPeople(personPlan.write, (written) => progress.advance(written));
    } finally {
      progress.stop();
    }
  }
  progress.line(describe('staff', changes(personPlan)));

  const storedMemberships = await repository.findMemberships([...personIds.values()]);
  const membershipRows: MembershipRow[] = demo.memberships.map((membership) => ({
    id: randomUUID(),
    personId: idOf(personIds, membership.email),
    schoolId: idOf(schoolIds, schoolKey(membership)),
    function: membership.function,
  }));
  const membershipPlan = planUpserts(
    membershipRows,
    new Map(storedMemberships.map((membership) => [membershipKey(membership), membership] as const)),
    membershipKey,
    [],
  );
  await repository.insertMemberships(membershipPlan.write);
  progress.line(describe('memberships', changes(membershipPlan)));

  return {
    foundationName,
    foundationCreated: !existingFoundation,
    schools: changes(schoolPlan),
    staff: changes(personPlan),
    memberships: changes(membershipPlan),
    adminPersonId: idOf(personIds, demo.adminEmail),
  };
}
