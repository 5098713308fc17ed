import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppConfigModule, DatabaseModule, RedisModule } from '@leerkring/core';
import { QueuesModule } from '@leerkring/notifications';
import {
  buildActor,
  StaffImportException,
  StaffImportModule,
  StaffImportService,
  type School,
  type StaffImportOptions,
} from '@leerkring/people';
import { prepareTestDatabase } from '../support/database';
import { factory } from '../support/factory';
import { generateStaff, staffCsv, type StaffLine } from './staff-csv';

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, StaffImportModule] })
class StaffImportTestModule {}

describe('staff import (service, real MariaDB)', () => {
  let context: INestApplicationContext;
  let dataSource: DataSource;
  let sut: StaffImportService;
  let make: ReturnType<typeof factory>;

  beforeAll(async () => {
    await prepareTestDatabase();
    context = await NestFactory.createApplicationContext(StaffImportTestModule, { logger: false });
    dataSource = context.get<DataSource>(getDataSourceToken());
    sut = context.get(StaffImportService);
    make = factory(dataSource);
  });

  afterAll(async () => {
    await context?.close();
  });

  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sortMemberships = <T extends { email: string; school: string; function: string }>(rows: T[]) =>
    rows.sort((a, b) => byText(`${a.email}|${a.school}|${a.function}`, `${b.email}|${b.school}|${b.function}`));

  /** Each test its own email domain: the tests of a worker share one database. */
  const newDomain = () => `${randomUUID().slice(0, 8)}.school.test`;
  const code = (school: School) => `${school.brin}${school.vestiging}`;
  const run = (text: string, options: Partial<StaffImportOptions> = {}) =>
    sut.import([Buffer.from(text, 'utf-8')], { dryRun: false, actor: null, ...options });

  async function peopleOf(domain: string) {
    return dataSource
      .query<Array<{ id: string; email: string; family_name: string; manager: string | null; updated_at: Date }>>(
        `SELECT p.id, p.email, p.family_name, m.email AS manager, p.updated_at
         FROM person p LEFT JOIN person m ON m.id = p.line_manager_id
        WHERE p.email LIKE ?`,
        [`%@${domain}`],
      )
      .then((rows) => rows.sort((a, b) => byText(a.email, b.email)));
  }

  async function membershipsOf(domain: string) {
    return dataSource
      .query<Array<{ email: string; school: string; function: string }>>(
        `SELECT p.email, CONCAT(s.brin, s.vestiging) AS school, m.function
         FROM school_membership m JOIN person p ON p.id = m.person_id JOIN school s ON s.id = m.school_id
        WHERE p.email LIKE ?`,
        [`%@${domain}`],
      )
      .then(sortMemberships);
  }

  const expectedMemberships = (lines: readonly StaffLine[]) =>
    sortMemberships(
      lines.flatMap((line) =>
        line.functions.map((fn) => ({ email: line.email.toLowerCase(), school: line.school, function: fn })),
      ),
    );

  it('imports 997 of 1,000 rows, reports the 3 bad ones with their lines, and changes nothing the second time', async () => {
    const schools = await Promise.all([make.school(), make.school(), make.school(), make.school()]);
    const domain = newDomain();
    const lines = generateStaff({
      rows: 1_000,
      schools: schools.map((school) => ({ brin: school.brin, vestiging: school.vestiging })),
      domain,
    });
    // Three bad rows, none of them a director (whose staff would then lack their line manager).
    const [badEmail, badFunction, badSchool] = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => !line.functions.includes('director'))
      .filter((_, position) => [100, 500, 900].includes(position))
      .map(({ index }) => index);
    lines[badEmail] = { ...lines[badEmail], email: 'geen-emailadres' };
    lines[badFunction] = { ...lines[badFunction], functionLabel: 'Conciërge' };
    lines[badSchool] = { ...lines[badSchool], school: '99IO' };
    const { text, lineOf } = staffCsv(lines);

    const first = await run(text);

    expect(first).toMatchObject({
      dryRun: false,
      rows: 1_000,
      created: 997,
      updated: 0,
      unchanged: 0,
      skipped: 3,
      file: { encoding: 'utf-8', delimiter: ';', ignoredColumns: ['Opmerking'] },
    });
    expect(first.errors.map(({ line, field }) => ({ line, field }))).toEqual(
      [
        { line: lineOf[badEmail], field: 'email' },
        { line: lineOf[badFunction], field: 'function' },
        { line: lineOf[badSchool], field: 'school' },
      ].sort((a, b) => a.line - b.line),
    );
    expect(first.errors.find((error) => error.field === 'function')?.message).toBe(
      'Functie: unknown function "Conciërge"',
    );
    const good = lines.filter((_, index) => ![badEmail, badFunction, badSchool].includes(index));
    const stored = await peopleOf(domain);
    expect(stored.map((person) => person.email)).toEqual(good.map((line) => line.email.toLowerCase()).sort(byText));
    expect(await membershipsOf(domain)).toEqual(expectedMemberships(good));
    expect(first.membershipsCreated).toBe(expectedMemberships(good).length);
    const managerOf = new Map(good.map((line) => [line.email.toLowerCase(), line.lineManagerEmail || null]));
    expect(stored.every((person) => person.manager === managerOf.get(person.email))).toBe(true);
    expect(stored.filter((person) => person.manager !== null).length).toBeGreaterThan(800);

    const again = await run(text);

    expect(again).toMatchObject({ rows: 1_000, created: 0, updated: 0, unchanged: 997, membershipsCreated: 0 });
    expect(again.errors).toEqual(first.errors);
    expect(await peopleOf(domain)).toEqual(stored);
  });

  it('writes nothing in a dry run, and says per row what would change', async () => {
    const school = await make.school();
    const domain = newDomain();
    const lines = generateStaff({ rows: 20, schools: [school], domain, seed: 7 });
    const { text } = staffCsv(lines, { delimiter: ',', bom: false, newline: '\n' });
    const auditBefore = await dataSource.query<Array<{ n: string }>>('SELECT COUNT(*) AS n FROM audit_event');

    const dry = await run(text, { dryRun: true });

    expect(dry).toMatchObject({ dryRun: true, rows: 20, created: 20, updated: 0, skipped: 0 });
    expect(dry.file.delimiter).toBe(',');
    expect(dry.changes).toHaveLength(20);
    expect(dry.changes?.[0]).toEqual({
      line: 2,
      email: lines[0].email.toLowerCase(),
      person: 'create',
      memberships: lines[0].functions.map((fn) => ({ school: code(school), function: fn })),
    });
    expect(await peopleOf(domain)).toEqual([]);
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM audit_event')).toEqual(auditBefore);

    await run(text);
    lines[3] = { ...lines[3], familyName: `${lines[3].familyName}-Smit` };
    const changed = staffCsv(lines);
    const dryUpdate = await run(changed.text, { dryRun: true });
    expect(dryUpdate).toMatchObject({ created: 0, updated: 1, unchanged: 19, membershipsCreated: 0 });
    expect(dryUpdate.changes?.[3]).toEqual({
      line: changed.lineOf[3],
      email: lines[3].email.toLowerCase(),
      person: 'update',
      fields: ['familyName'],
    });
    expect((await peopleOf(domain)).find((p) => p.email === lines[3].email.toLowerCase())?.family_name).not.toMatch(
      /-Smit$/,
    );
  });

  it('updates a known person by email and adds memberships, leaving the ones not in the file alone', async () => {
    const [schoolA, schoolB] = [await make.school(), await make.school()];
    const domain = newDomain();
    const anna = await make.person({
      givenName: 'Anna',
      familyNamePrefix: '',
      familyName: 'Berg',
      email: `anna@${domain}`,
      language: 'en',
      memberships: [
        { schoolId: schoolA.id, function: 'teacher' },
        { schoolId: schoolB.id, function: 'werkbegeleider' },
      ],
    });
    const text = [
      'Voornaam;Tussenvoegsel;Achternaam;Email;Functie;Schoolcode',
      `Anna;van der;Berg; ANNA@${domain.toUpperCase()} ;Leerkracht / IB'er;${code(schoolA).toLowerCase()}`,
    ].join('\n');

    const report = await run(text);

    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0, membershipsCreated: 1 });
    const [stored] = await dataSource.query<Array<{ id: string; prefix: string; language: string }>>(
      'SELECT id, family_name_prefix AS prefix, language FROM person WHERE email = ?',
      [`anna@${domain}`],
    );
    expect(stored).toEqual({ id: anna.id, prefix: 'van der', language: 'en' });
    expect(await membershipsOf(domain)).toEqual(
      sortMemberships([
        { email: `anna@${domain}`, school: code(schoolA), function: 'intern_begeleider' },
        { email: `anna@${domain}`, school: code(schoolA), function: 'teacher' },
        { email: `anna@${domain}`, school: code(schoolB), function: 'werkbegeleider' },
      ]),
    );
  });

  it('uses the default school, links line managers from the file and the database, and reports those it cannot find', async () => {
    const school = await make.school();
    const domain = newDomain();
    const boss = await make.person({ email: `baas@${domain}` });
    const text = [
      'given_name,family_name,email,function,line_manager_email,language,active',
      `Bram,Bos,bram@${domain},teacher,dirk@${domain},en,no`,
      `Cor,Cats,cor@${domain},werkbegeleider,BAAS@${domain},,`,
      `Eva,Eik,eva@${domain},teacher,nobody@${domain},,`,
      `Dirk,Dijk,dirk@${domain},director,,,yes`,
    ].join('\r\n');

    const report = await run(`\uFEFF${text}`, { defaultSchool: code(school) });

    expect(report).toMatchObject({ rows: 4, created: 3, skipped: 1, membershipsCreated: 3 });
    expect(report.errors).toEqual([
      {
        line: 4,
        field: 'lineManagerEmail',
        message: `line_manager_email: line manager "nobody@${domain}" not found (not in Leerkring, and not a valid row of this file)`,
      },
    ]);
    const rows = await dataSource.query<
      Array<{ email: string; manager: string | null; language: string; active: number }>
    >(
      `SELECT p.email, m.email AS manager, p.language, p.active FROM person p
         LEFT JOIN person m ON m.id = p.line_manager_id WHERE p.email LIKE ? ORDER BY p.email`,
      [`%@${domain}`],
    );
    expect(rows.map((row) => ({ ...row, active: Number(row.active) }))).toEqual([
      { email: boss.email, manager: null, language: 'nl', active: 1 },
      { email: `bram@${domain}`, manager: `dirk@${domain}`, language: 'en', active: 0 },
      { email: `cor@${domain}`, manager: boss.email, language: 'nl', active: 1 },
      { email: `dirk@${domain}`, manager: null, language: 'nl', active: 1 },
    ]);
    const again = await run(text, { defaultSchool: code(school) });
    expect(again).toMatchObject({ created: 0, updated: 0, membershipsCreated: 0, skipped: 1 });
  });

  it('records an audit event with counts only', async () => {
    const school = await make.school();
    const domain = newDomain();
    const admin = await make.person({ isAdmin: true });
    const actor = buildActor(admin, [], 'session');
    const text = `E-mailadres;Voornaam;Achternaam;Functie;BRIN\njan@${domain};Jan;Jansen;leerkracht;${code(school)}\n`;

    await run(text, { actor, requestId: `req-${domain}` });

    const [event] = await dataSource.query<
      Array<{ action: string; entity_type: string; actor_person_id: string; details: unknown }>
    >('SELECT action, entity_type, actor_person_id, details FROM audit_event WHERE request_id = ?', [`req-${domain}`]);
    expect(event).toMatchObject({ action: 'import', entity_type: 'staff', actor_person_id: admin.id });
    const details = typeof event.details === 'string' ? (JSON.parse(event.details) as unknown) : event.details;
    expect(details).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0, skipped: 0, membershipsCreated: 1 });
    expect(JSON.stringify(details)).not.toContain(domain);
  });

  it('refuses a file it cannot read, a bad default school, and a caller who is not an admin', async () => {
    const school = await make.school();
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => (error instanceof StaffImportException ? error.failure : error),
      );

    expect(await failure(run('naam;functie\nJan;leerkracht\n'))).toBe('unreadable_file');
    expect(await failure(run(''))).toBe('unreadable_file');
    expect(await failure(run('Voornaam;Achternaam;Email\n', { defaultSchool: '99IO' }))).toBe('bad_argument');
    expect(await failure(run('Voornaam;Achternaam;Email;Functie\nJan;Jansen;jan@x.nl;leraar\n'))).toBe('bad_argument');
    expect(
      await failure(run('Voornaam;Achternaam;Email;Functie\nJan;Jansen;jan@x.nl;leraar\n', { defaultSchool: '12' })),
    ).toBe('bad_argument');

    const teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const actor = buildActor(teacher, [{ schoolId: school.id, function: 'teacher' }], 'session');
    await expect(run('Voornaam;Achternaam;Email\n', { actor })).rejects.toMatchObject({ status: 403 });
  });
});
