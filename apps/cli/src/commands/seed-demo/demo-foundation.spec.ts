import { COACH_FUNCTIONS, HOLIDAY_REGIONS } from '@leerkring/people';
import { DEMO_ADMIN_EMAIL, demoCounts, generateDemoFoundation, type DemoFoundation } from './demo-foundation';

describe('generateDemoFoundation', () => {
  let sut: DemoFoundation;

  beforeAll(() => {
    sut = generateDemoFoundation();
  });

  it('is deterministic: the same seed gives the same data', () => {
    expect(generateDemoFoundation()).toEqual(sut);
    expect(generateDemoFoundation(7)).toEqual(generateDemoFoundation(7));
    expect(generateDemoFoundation(7).people).not.toEqual(sut.people);
  });

  it('has about 12 schools in exactly two holiday regions', () => {
    expect(sut.schools.length).toBeGreaterThanOrEqual(10);
    expect(sut.schools.length).toBeLessThanOrEqual(14);
    const regions = new Set(sut.schools.map((school) => school.holidayRegion));
    expect(regions.size).toBe(2);
    regions.forEach((region) => expect(HOLIDAY_REGIONS).toContain(region));
  });

  it('gives every school a valid, unique BRIN code and a Dutch postal code', () => {
    for (const school of sut.schools) {
      expect(school.brin).toMatch(/^\d{2}[A-Z]{2}$/);
      expect(['', '01']).toContain(school.vestiging);
      expect(school.postalCode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
    }
    expect(new Set(sut.schools.map((school) => school.brin)).size).toBe(sut.schools.length);
  });

  it('has about 600 staff with unique lowercase ASCII emails', () => {
    expect(sut.people.length).toBeGreaterThanOrEqual(550);
    expect(sut.people.length).toBeLessThanOrEqual(650);
    for (const person of sut.people) {
      expect(person.email).toMatch(/^[a-z0-9]+([.-][a-z0-9]+)*@rivierenland-demo\.nl$/);
    }
    expect(new Set(sut.people.map((person) => person.email)).size).toBe(sut.people.length);
  });

  it('speaks mostly Dutch, with a few English speakers', () => {
    const english = sut.people.filter((person) => person.language === 'en').length;
    expect(english).toBeGreaterThan(0);
    expect(english).toBeLessThan(sut.people.length * 0.1);
  });

  it('has exactly one admin, with the well-known address', () => {
    expect(sut.people.filter((person) => person.isAdmin).map((person) => person.email)).toEqual([DEMO_ADMIN_EMAIL]);
  });

  it('has exactly 15 coaches, at least 3 of them at more than one school', () => {
    const schoolsPerCoach = new Map<string, Set<string>>();
    for (const membership of sut.memberships.filter((m) => COACH_FUNCTIONS.includes(m.function))) {
      const schools = schoolsPerCoach.get(membership.email) ?? new Set<string>();
      schools.add(membership.brin);
      schoolsPerCoach.set(membership.email, schools);
    }
    expect(schoolsPerCoach.size).toBe(15);
    expect(demoCounts(sut).coaches).toBe(15);
    expect([...schoolsPerCoach.values()].filter((schools) => schools.size > 1).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...[...schoolsPerCoach.values()].map((schools) => schools.size))).toBeLessThanOrEqual(3);
  });

  it('has one director and one intern begeleider per school, and teachers, starters, trainees and assistants', () => {
    for (const school of sut.schools) {
      const functions = sut.memberships.filter((m) => m.brin === school.brin).map((m) => m.function);
      expect(functions.filter((fn) => fn === 'director')).toHaveLength(1);
      expect(functions.filter((fn) => fn === 'intern_begeleider')).toHaveLength(1);
      for (const fn of ['teacher', 'starter', 'trainee', 'teaching_assistant'] as const) {
        expect(functions).toContain(fn);
      }
    }
  });

  it('has a few teachers at two schools', () => {
    const teacherSchools = new Map<string, number>();
    sut.memberships
      .filter((m) => m.function === 'teacher')
      .forEach((m) => teacherSchools.set(m.email, (teacherSchools.get(m.email) ?? 0) + 1));
    const atTwo = [...teacherSchools.values()].filter((count) => count === 2).length;
    expect(atTwo).toBeGreaterThanOrEqual(3);
    expect(atTwo).toBeLessThanOrEqual(10);
  });

  it('gives every non-director a director of one of their schools as line manager', () => {
    const directorsBySchool = new Map(
      sut.memberships.filter((m) => m.function === 'director').map((m) => [m.brin, m.email] as const),
    );
    const directors = new Set(directorsBySchool.values());
    for (const person of sut.people.filter((p) => !directors.has(p.email))) {
      const schools = sut.memberships.filter((m) => m.email === person.email).map((m) => m.brin);
      if (schools.length === 0) {
        continue; // the directeur-bestuurder and the stafbureau admin work for no single school
      }
      const ownDirectors = schools.map((brin) => directorsBySchool.get(brin));
      expect(ownDirectors).toContain(person.lineManagerEmail);
    }
  });

  it('lets directors report to one bovenschools director, who reports to no one', () => {
    const directors = new Set(sut.memberships.filter((m) => m.function === 'director').map((m) => m.email));
    const managersOfDirectors = new Set(
      sut.people.filter((p) => directors.has(p.email)).map((p) => p.lineManagerEmail),
    );
    expect(managersOfDirectors.size).toBe(1);
    const [top] = [...managersOfDirectors];
    expect(sut.people.find((p) => p.email === top)?.lineManagerEmail).toBeNull();
    expect(sut.people.filter((p) => p.lineManagerEmail === null)).toHaveLength(1);
  });

  it('lists every line manager before the people they manage', () => {
    const seen = new Set<string>();
    for (const person of sut.people) {
      if (person.lineManagerEmail !== null) {
        expect(seen).toContain(person.lineManagerEmail);
      }
      seen.add(person.email);
    }
  });

  it('names only known people and schools in memberships, each (person, school, function) once', () => {
    const emails = new Set(sut.people.map((p) => p.email));
    const schools = new Set(sut.schools.map((s) => `${s.brin}/${s.vestiging}`));
    for (const m of sut.memberships) {
      expect(emails).toContain(m.email);
      expect(schools).toContain(`${m.brin}/${m.vestiging}`);
    }
    const keys = sut.memberships.map((m) => `${m.email}|${m.brin}|${m.function}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
