import type { DataSource } from 'typeorm';
import type { OpenAPIV3 } from 'openapi-types';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

/**
 * The access matrix of docs/authorization.md, checked over real HTTP with real sessions:
 * one small foundation with two schools and a person in every role.
 */
describe('authorization by role and by relationship', () => {
  let api: RunningApi;
  let db: DataSource;
  let schoolA: School;
  let schoolB: School;
  const people: Record<string, Person> = {};
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    schoolA = await make.school({ name: 'obs Autorisatie A' });
    schoolB = await make.school({ name: 'obs Autorisatie B' });
    people.admin = await make.person({ isAdmin: true });
    people.directorA = await make.person({ memberships: [{ schoolId: schoolA.id, function: 'director' }] });
    people.directorB = await make.person({ memberships: [{ schoolId: schoolB.id, function: 'director' }] });
    people.coachA = await make.person({ memberships: [{ schoolId: schoolA.id, function: 'intern_begeleider' }] });
    people.teacherA1 = await make.person({ memberships: [{ schoolId: schoolA.id, function: 'teacher' }] });
    people.teacherA2 = await make.person({ memberships: [{ schoolId: schoolA.id, function: 'starter' }] });
    people.teacherB1 = await make.person({ memberships: [{ schoolId: schoolB.id, function: 'teacher' }] });
    for (const [role, person] of Object.entries(people)) {
      headers[role] = await signIn(api, person.id);
    }
  });

  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  const get = (path: string, role: string) => fetch(`${api.url}${path}`, { headers: headers[role] });
  const send = (method: string, path: string, role: string, body: unknown) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: { ...headers[role], 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('asks for credentials on every route except the public ones', async () => {
    const document = (await readJson(await fetch(`${api.url}/api/openapi.json`))) as OpenAPIV3.Document;
    const publicRoutes = new Set([
      'GET /api/health/live',
      'GET /api/health/ready',
      'POST /api/v1/auth/login-link',
      'GET /api/v1/auth/verify',
      'POST /api/v1/auth/verify',
      'POST /api/v1/auth/refresh',
      // RSVP links work without signing in: the signed token in the path is the credential.
      'GET /api/v1/rsvp/{token}',
      'POST /api/v1/rsvp/{token}',
      // The personal calendar feed: the long random token in the path is the credential.
      'GET /api/v1/calendar/{token}.ics',
      // Waitlist offer links (accept / decline a theme meeting seat): the signed token is the credential.
      'GET /api/v1/theme-offers/{token}',
      'POST /api/v1/theme-offers/{token}',
      // The evaluation link mailed after a theme meeting: the signed token is the credential.
      'GET /api/v1/theme-evaluations/{token}',
      'POST /api/v1/theme-evaluations/{token}',
    ]);
    const checked: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        if (!item?.[method] || publicRoutes.has(`${method.toUpperCase()} ${path}`)) {
          continue;
        }
        const concrete = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await fetch(`${api.url}${concrete}`, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          body: method === 'get' || method === 'delete' ? undefined : '{}',
        });
        expect({ route: `${method.toUpperCase()} ${path}`, status: response.status }).toEqual({
          route: `${method.toUpperCase()} ${path}`,
          status: 401,
        });
        checked.push(path);
      }
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  it.each([
    ['admin', ['admin', 'directorA', 'directorB', 'coachA', 'teacherA1', 'teacherA2', 'teacherB1'], []],
    ['directorA', ['directorA', 'coachA', 'teacherA1', 'teacherA2'], ['directorB', 'teacherB1']],
    ['coachA', ['directorA', 'coachA', 'teacherA1', 'teacherA2'], ['directorB', 'teacherB1']],
    ['teacherA1', ['teacherA1'], ['teacherA2', 'directorA', 'teacherB1', 'admin']],
  ])('lists for %s exactly the people they may see', async (role, visible, hidden) => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await readJson(await get(`/api/v1/people?limit=200${cursor ? `&cursor=${cursor}` : ''}`, role));
      page.items.forEach((item: { id: string }) => seen.add(item.id));
      cursor = page.nextCursor;
    } while (cursor);

    for (const name of visible) {
      expect({ name, seen: seen.has(people[name].id) }).toEqual({ name, seen: true });
    }
    for (const name of hidden) {
      expect({ name, seen: seen.has(people[name].id) }).toEqual({ name, seen: false });
    }
  });

  it.each([
    ['teacherA1', 'teacherA2', 404],
    ['teacherA1', 'teacherB1', 404],
    ['teacherA1', 'teacherA1', 200],
    ['directorB', 'teacherA1', 404],
    ['directorA', 'teacherA1', 200],
    ['coachA', 'teacherA2', 200],
    ['coachA', 'teacherB1', 404],
    ['admin', 'teacherB1', 200],
  ])("%s reading %s answers %i (another teacher's data is not there)", async (role, target, status) => {
    const response = await get(`/api/v1/people/${people[target].id}`, role);

    expect(response.status).toBe(status);
    if (status === 404) {
      expect((await readJson(response)).code).toBe('not_found');
    }
  });

  it('answers 404, not 403, for an id that does not exist at all', async () => {
    const response = await get('/api/v1/people/7d3f9c1e-1111-4222-8333-944455556666', 'admin');

    expect(response.status).toBe(404);
  });

  it.each(['directorA', 'coachA', 'teacherA1'])('refuses school management to %s (403)', async (role) => {
    const create = await send('POST', '/api/v1/schools', role, {
      name: 'Nieuwe school',
      brin: '99ZZ',
      sector: 'PO',
      holidayRegion: 'north',
    });
    const update = await send('PATCH', `/api/v1/schools/${schoolA.id}`, role, { name: 'Gekaapt' });

    expect([create.status, update.status]).toEqual([403, 403]);
    expect((await readJson(create)).code).toBe('forbidden');
  });

  it('lets an admin manage schools and people, and records it in the audit log', async () => {
    const created = await send('POST', '/api/v1/schools', 'admin', {
      name: 'SBO De Wissel',
      brin: '98yx',
      vestiging: '01',
      sector: 'sbo',
      holidayRegion: 'south',
      postalCode: '5211 ab',
    });
    expect(created.status).toBe(201);
    const school = await readJson(created);
    expect(school).toMatchObject({ brin: '98YX', brinCode: '98YX01', sector: 'SBO', postalCode: '5211 AB' });

    const duplicate = await send('POST', '/api/v1/schools', 'admin', {
      name: 'Dubbel',
      brin: '98YX',
      vestiging: '01',
      sector: 'PO',
      holidayRegion: 'south',
    });
    expect(duplicate.status).toBe(409);
    expect((await readJson(duplicate)).code).toBe('brin_taken');

    const person = await send('POST', '/api/v1/people', 'admin', {
      givenName: 'Sem',
      familyName: 'Jansen',
      email: 'Sem.Jansen@Wissel.test',
      memberships: [{ schoolId: school.id, function: 'werkbegeleider' }],
    });
    expect(person.status).toBe(201);
    expect(await readJson(person)).toMatchObject({ email: 'sem.jansen@wissel.test', roles: ['coach'] });

    const audit = await readJson(await get(`/api/v1/audit-events?entityType=school&entityId=${school.id}`, 'admin'));
    expect(audit.items).toEqual([
      expect.objectContaining({ action: 'create', entityType: 'school', actorPersonId: people.admin.id }),
    ]);
    expect((await get('/api/v1/audit-events', 'directorA')).status).toBe(403);
  });

  it('validates school input field by field', async () => {
    const response = await send('POST', '/api/v1/schools', 'admin', {
      name: 'X',
      brin: '1234',
      vestiging: '1',
      sector: 'MBO',
      holidayRegion: 'oost',
    });

    expect(response.status).toBe(400);
    const fields = (await readJson(response)).errors.map((error: { field: string }) => error.field).sort();
    expect(fields).toEqual(['brin', 'holidayRegion', 'name', 'sector', 'vestiging']);
  });

  it('signs a deactivated person out everywhere', async () => {
    const person = await factory(db).person({ memberships: [{ schoolId: schoolB.id, function: 'trainee' }] });
    const own = await signIn(api, person.id);
    expect((await fetch(`${api.url}/api/v1/me`, { headers: own })).status).toBe(200);

    const deactivated = await send('PATCH', `/api/v1/people/${person.id}`, 'admin', { active: false });

    expect(deactivated.status).toBe(200);
    expect((await fetch(`${api.url}/api/v1/me`, { headers: own })).status).toBe(401);
  });
});
