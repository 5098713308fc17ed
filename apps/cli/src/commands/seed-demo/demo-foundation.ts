import { COACH_FUNCTIONS, type Language, type SchoolFunction } from '@leerkring/people';
import { EmailAllocator, type PersonName } from './demo-email';
import {
  DUTCH_FAMILY_NAMES,
  DUTCH_GIVEN_NAMES,
  INTERNATIONAL_FAMILY_NAMES,
  INTERNATIONAL_GIVEN_NAMES,
} from './demo-names';
import { DEMO_COACHES, DEMO_SCHOOLS, STAFF_MIX, type DemoSchool, type DemoSchoolPlan } from './demo-schools';
import { pick, seededRandom, type Random } from './prng';

/** Changing the seed changes every generated name and email: a re-seed would add a second staff. */
export const DEMO_SEED = 20_250_901;
export const DEMO_FOUNDATION_NAME = 'Stichting Rivierenland Onderwijs (demo)';
export const DEMO_EMAIL_DOMAIN = 'rivierenland-demo.nl';
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_EMAIL_DOMAIN}`;

export interface DemoPerson extends PersonName {
  email: string;
  language: Language;
  isAdmin: boolean;
  /** The line manager's email; null only for the directeur-bestuurder at the top. */
  lineManagerEmail: string | null;
}

export interface DemoMembership {
  email: string;
  brin: string;
  vestiging: string;
  function: SchoolFunction;
}

export interface DemoFoundation {
  name: string;
  adminEmail: string;
  schools: DemoSchool[];
  /** Every line manager comes before the people they manage, so rows can be written in order. */
  people: DemoPerson[];
  memberships: DemoMembership[];
}

/** Share of staff from abroad, who get English mail and screens. */
const INTERNATIONAL_SHARE = 0.04;

/** The bovenschools director: no school of their own; every school director reports to them. */
const BESTUURDER: PersonName = { givenName: 'Hendrik-Jan', familyNamePrefix: 'van', familyName: 'Wijngaarden' };
/** The stafbureau colleague who administers Leerkring. */
const ADMIN: PersonName = { givenName: 'Marloes', familyNamePrefix: 'de', familyName: 'Bruijn' };

function schoolByBrin(brin: string): DemoSchoolPlan {
  const school = DEMO_SCHOOLS.find((candidate) => candidate.brin === brin);
  if (!school) {
    throw new Error(`demo plan names unknown school ${brin}`);
  }
  return school;
}

/** The functions of a school's staff besides director and coaches: mostly teachers. */
export function staffFunctions(school: DemoSchoolPlan): SchoolFunction[] {
  const mix = STAFF_MIX[school.sector];
  const starters = Math.round(school.staff * mix.starter);
  const trainees = Math.round(school.staff * mix.trainee);
  const assistants = Math.round(school.staff * mix.teaching_assistant);
  const teachers = school.staff - starters - trainees - assistants;
  return [
    ...Array<SchoolFunction>(teachers).fill('teacher'),
    ...Array<SchoolFunction>(starters).fill('starter'),
    ...Array<SchoolFunction>(trainees).fill('trainee'),
    ...Array<SchoolFunction>(assistants).fill('teaching_assistant'),
  ];
}

function randomPerson(random: Random): PersonName & { language: Language } {
  const international = random() < INTERNATIONAL_SHARE;
  const given = pick(random, international ? INTERNATIONAL_GIVEN_NAMES : DUTCH_GIVEN_NAMES);
  const family = pick(random, international ? INTERNATIONAL_FAMILY_NAMES : DUTCH_FAMILY_NAMES);
  return {
    givenName: given,
    familyNamePrefix: family.prefix,
    familyName: family.name,
    language: international ? 'en' : 'nl',
  };
}

/**
 * The demo foundation as plain data: schools, staff, memberships and line managers. Pure and
 * deterministic (same seed, same data), so a second seed run finds the same natural keys.
 */
export function generateDemoFoundation(seed = DEMO_SEED): DemoFoundation {
  const random = seededRandom(seed);
  const emails = new EmailAllocator(DEMO_EMAIL_DOMAIN, [DEMO_ADMIN_EMAIL]);
  const people: DemoPerson[] = [];
  const memberships: DemoMembership[] = [];

  const addPerson = (
    lineManager: DemoPerson | null,
    name: PersonName & { language: Language } = randomPerson(random),
  ): DemoPerson => {
    const person: DemoPerson = {
      givenName: name.givenName,
      familyNamePrefix: name.familyNamePrefix,
      familyName: name.familyName,
      email: emails.allocate(name),
      language: name.language,
      isAdmin: false,
      lineManagerEmail: lineManager?.email ?? null,
    };
    people.push(person);
    return person;
  };
  const join = (person: DemoPerson, school: DemoSchool, fn: SchoolFunction): void => {
    memberships.push({ email: person.email, brin: school.brin, vestiging: school.vestiging, function: fn });
  };

  const bestuurder = addPerson(null, { ...BESTUURDER, language: 'nl' });
  people.push({ ...ADMIN, email: DEMO_ADMIN_EMAIL, language: 'nl', isAdmin: true, lineManagerEmail: bestuurder.email });

  const directors = new Map<string, DemoPerson>();
  for (const school of DEMO_SCHOOLS) {
    const director = addPerson(bestuurder);
    directors.set(school.brin, director);
    join(director, school, 'director');
  }
  const directorOf = (school: DemoSchool): DemoPerson => directors.get(school.brin) as DemoPerson;

  // A coach reports to the director of the first school they work at.
  for (const plan of DEMO_COACHES) {
    const schools = plan.schools.map(schoolByBrin);
    const coach = addPerson(directorOf(schools[0]));
    schools.forEach((school) => join(coach, school, plan.function));
  }

  const teachers = new Map<string, DemoPerson[]>();
  for (const school of DEMO_SCHOOLS) {
    const director = directorOf(school);
    teachers.set(school.brin, []);
    for (const fn of staffFunctions(school)) {
      const person = addPerson(director);
      join(person, school, fn);
      if (fn === 'teacher') {
        teachers.get(school.brin)?.push(person);
      }
    }
  }

  // A few teachers also teach at the neighbouring school of the same region (schools come in pairs).
  for (let i = 0; i + 1 < DEMO_SCHOOLS.length; i += 2) {
    const [home, other] = [DEMO_SCHOOLS[i], DEMO_SCHOOLS[i + 1]];
    if (home.holidayRegion === other.holidayRegion) {
      join(pick(random, teachers.get(home.brin) ?? []), other, 'teacher');
    }
  }

  return {
    name: DEMO_FOUNDATION_NAME,
    adminEmail: DEMO_ADMIN_EMAIL,
    schools: DEMO_SCHOOLS.map(({ staff: _staff, ...school }) => school),
    people,
    memberships,
  };
}

export interface DemoCounts {
  schools: number;
  staff: number;
  directors: number;
  coaches: number;
  memberships: number;
}

export function demoCounts(foundation: DemoFoundation): DemoCounts {
  const withFunction = (functions: readonly SchoolFunction[]): number =>
    new Set(foundation.memberships.filter((m) => functions.includes(m.function)).map((m) => m.email)).size;
  return {
    schools: foundation.schools.length,
    staff: foundation.people.length,
    directors: withFunction(['director']),
    coaches: withFunction(COACH_FUNCTIONS),
    memberships: foundation.memberships.length,
  };
}
