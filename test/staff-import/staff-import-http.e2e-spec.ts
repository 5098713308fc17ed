import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { generateStaff, staffCsv } from './staff-csv';

describe('POST /api/v1/imports/staff', () => {
  let api: RunningApi;
  let db: DataSource;
  let asAdmin: Record<string, string>;
  let school: School;

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    asAdmin = await signIn(api, (await factory(db).person({ isAdmin: true })).id);
    school = await factory(db).school();
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  const url = (query = '') => `${api.url}/api/v1/imports/staff${query}`;
  const post = (body: string | Buffer, headers: Record<string, string>, query = '') =>
    fetch(url(query), { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body });
  const count = async (domain: string) =>
    Number(
      (await db.query<Array<{ n: string }>>('SELECT COUNT(*) AS n FROM person WHERE email LIKE ?', [`%@${domain}`]))[0]
        .n,
    );

  it('imports a file for an admin and answers the report; a dry run first writes nothing', async () => {
    const domain = `${randomUUID().slice(0, 8)}.school.test`;
    const lines = generateStaff({ rows: 30, schools: [school], domain });
    lines[4] = { ...lines[4], givenName: '', familyName: 'Naamloos' };
    const { text, lineOf } = staffCsv(lines);

    const dry = await post(text, asAdmin, '?dryRun=true');
    expect(dry.status).toBe(200);
    const dryReport = await readJson(dry);
    expect(dryReport).toMatchObject({ dryRun: true, rows: 30, created: 29, skipped: 1 });
    expect(dryReport.changes).toHaveLength(29);
    expect(await count(domain)).toBe(0);

    const response = await post(text, asAdmin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const report = await readJson(response);
    expect(report).toMatchObject({ dryRun: false, rows: 30, created: 29, updated: 0, unchanged: 0, skipped: 1 });
    expect(report.changes).toBeUndefined();
    expect(report.errors).toEqual([{ line: lineOf[4], field: 'givenName', message: 'Voornaam: missing name' }]);
    expect(await count(domain)).toBe(29);

    const again = await readJson(await post(text, asAdmin));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 29, membershipsCreated: 0 });
  });

  it('takes the default school from the query, and a file over the JSON body limit', async () => {
    const domain = `${randomUUID().slice(0, 8)}.school.test`;
    const remark = 'x'.repeat(2 * 1024 * 1024); // 2 MB: over the 1 MB that JSON bodies may be
    const text = `Voornaam;Achternaam;E-mailadres;Functie;Opmerking\nJan;Jansen;jan@${domain};IB;${remark}\n`;

    const response = await post(text, asAdmin, `?school=${school.brin}${school.vestiging}`);

    expect(response.status).toBe(200);
    expect(await readJson(response)).toMatchObject({ created: 1, membershipsCreated: 1 });
    const [membership] = await db.query<Array<{ school_id: string; function: string }>>(
      'SELECT m.school_id, m.function FROM school_membership m JOIN person p ON p.id = m.person_id WHERE p.email = ?',
      [`jan@${domain}`],
    );
    expect(membership).toEqual({ school_id: school.id, function: 'intern_begeleider' });
  });

  it('refuses a teacher (403) and a caller who is not signed in (401)', async () => {
    const teacher = await factory(db).person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const text = `Voornaam;Achternaam;E-mailadres\nJan;Jansen;jan@${randomUUID()}.test\n`;

    const forbidden = await post(text, await signIn(api, teacher.id));
    const anonymous = await post(text, {});

    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await readJson(forbidden)).toMatchObject({ code: 'forbidden' });
    expect(anonymous.status).toBe(401);
  });

  it('answers problem+json for a body that is not CSV (415), an unreadable header (400) and a bad option (400)', async () => {
    const json = await fetch(url(), {
      method: 'POST',
      headers: { ...asAdmin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'jan@school.nl' }),
    });
    expect(json.status).toBe(415);
    expect(await readJson(json)).toMatchObject({ code: 'unsupported_media_type', status: 415 });

    const headerless = await post('jan@school.nl;Jan;Jansen\n', asAdmin);
    expect(headerless.status).toBe(400);
    expect(headerless.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await readJson(headerless);
    expect(problem).toMatchObject({ code: 'validation_failed', errors: [{ field: 'header' }] });
    expect(problem.expectedHeaders).toEqual(
      expect.arrayContaining([
        { field: 'email', required: true, headers: expect.arrayContaining(['E-mailadres', 'email']) },
      ]),
    );

    const empty = await post('', asAdmin);
    expect(empty.status).toBe(400);

    const unknownSchool = await post('Voornaam;Achternaam;Email\n', asAdmin, '?school=99IO');
    expect(unknownSchool.status).toBe(400);
    expect(await readJson(unknownSchool)).toMatchObject({ code: 'validation_failed', errors: [{ field: 'school' }] });

    const unknownParameter = await post('Voornaam;Achternaam;Email\n', asAdmin, '?dry=true');
    expect(unknownParameter.status).toBe(400);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const response = await post(Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), asAdmin);

    expect(response.status).toBe(413);
    expect(await readJson(response)).toMatchObject({ code: 'payload_too_large' });
  });
});
