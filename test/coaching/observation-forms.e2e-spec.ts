import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

const at = (date: string, time: string) => `${date}T${time}:00+01:00`;

interface FormView {
  id: string;
  name: string;
  isDefault: boolean;
  active: boolean;
  inUse: boolean;
  scale: Array<{ value: number; label: string }>;
  domains: Array<{ key: string; title: string; items: Array<{ key: string; text: string }> }>;
}

const scale = [
  { value: 1, label: 'Onvoldoende' },
  { value: 2, label: 'Voldoende' },
  { value: 3, label: 'Goed' },
];
const domains = [
  {
    key: 'klimaat',
    title: 'Klimaat',
    items: [
      { key: 'klimaat-1', text: 'De leraar zorgt voor een ontspannen sfeer' },
      { key: 'klimaat-2', text: 'De leraar toont respect' },
    ],
  },
];

describe('editing and deactivating observation forms', () => {
  let api: RunningApi;
  let db: DataSource;
  let make: ReturnType<typeof factory>;
  let school: School;
  let admin: Person;
  let coach: Person;
  const headers = new Map<string, Record<string, string>>();

  const call = async (person: Person, method: string, path: string, body?: unknown) => {
    if (!headers.has(person.id)) {
      headers.set(person.id, { ...(await signIn(api, person.id)), 'content-type': 'application/json' });
    }
    return fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: headers.get(person.id),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };

  const newForm = async (name: string): Promise<FormView> => {
    const response = await call(admin, 'POST', '/coaching/forms', { name, scale, domains });
    expect(response.status).toBe(201);
    return (await readJson(response)) as FormView;
  };

  const planVisit = (teacher: Person, formId: string, date: string) =>
    call(coach, 'POST', '/coaching/visits', {
      teacherPersonId: teacher.id,
      schoolId: school.id,
      groupName: 'groep 4',
      formId,
      start: at(date, '09:00'),
      end: at(date, '09:45'),
    });

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    make = factory(db);
    school = await make.school({ name: 'obs De Kijkwijzer' });
    admin = await make.person({ isAdmin: true });
    coach = await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] });
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  it('an admin changes everything of a form no visit uses yet', async () => {
    const form = await newForm('Kijkwijzer rekenen');
    expect(form).toMatchObject({ active: true, inUse: false });
    const changed = await call(admin, 'PATCH', `/coaching/forms/${form.id}`, {
      name: 'Kijkwijzer rekenen (groep 3-5)',
      scale: [...scale, { value: 4, label: 'Zeer goed' }],
      domains: [
        ...domains,
        { key: 'instructie', title: 'Instructie', items: [{ key: 'instructie-1', text: 'Het doel is helder' }] },
      ],
    });
    expect(changed.status).toBe(200);
    const read = (await readJson(await call(coach, 'GET', `/coaching/forms/${form.id}`))) as FormView;
    expect(read.name).toBe('Kijkwijzer rekenen (groep 3-5)');
    expect(read.scale.map((step) => step.label)).toEqual(['Onvoldoende', 'Voldoende', 'Goed', 'Zeer goed']);
    expect(read.domains.map((domain) => domain.title)).toEqual(['Klimaat', 'Instructie']);

    const duplicate = await call(admin, 'PATCH', `/coaching/forms/${form.id}`, {
      scale: [
        { value: 1, label: 'a' },
        { value: 1, label: 'b' },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.headers.get('content-type')).toContain('application/problem+json');
    expect(await readJson(duplicate)).toMatchObject({ code: 'validation_failed' });
    const empty = await call(admin, 'PATCH', `/coaching/forms/${form.id}`, { name: '  ' });
    expect(empty.status).toBe(400);
  });

  it('keeps the scale and items of a form a visit uses: only the name changes; observations keep their meaning', async () => {
    const form = await newForm('Kijkwijzer taal');
    const teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const planned = await planVisit(teacher, form.id, '2028-02-09');
    expect(planned.status).toBe(201);
    const visit = await readJson(planned);
    const filled = await call(coach, 'PUT', `/coaching/visits/${visit.id}/observation`, {
      answers: [{ itemKey: 'klimaat-1', score: 3, comment: 'Rustige start' }],
    });
    expect(filled.status).toBe(200);

    const listed = (await readJson(await call(admin, 'GET', '/coaching/forms'))) as FormView[];
    expect(listed.find((f) => f.id === form.id)).toMatchObject({ inUse: true });

    const items = await call(admin, 'PATCH', `/coaching/forms/${form.id}`, {
      domains: [{ ...domains[0], items: [{ key: 'klimaat-1', text: 'Iets heel anders' }] }],
    });
    expect(items.status).toBe(409);
    expect(await readJson(items)).toMatchObject({ code: 'form_in_use' });
    const steps = await call(admin, 'PATCH', `/coaching/forms/${form.id}`, { scale: scale.slice(0, 2) });
    expect(steps.status).toBe(409);

    // The same scale and domains with a new name (what the web page sends): allowed.
    const renamed = await call(admin, 'PATCH', `/coaching/forms/${form.id}`, {
      name: 'Kijkwijzer taal 2027',
      scale,
      domains,
    });
    expect(renamed.status).toBe(200);
    const observation = await readJson(await call(coach, 'GET', `/coaching/visits/${visit.id}/observation`));
    expect(observation.form.name).toBe('Kijkwijzer taal 2027');
    expect(observation.form.domains[0].items[0].text).toBe('De leraar zorgt voor een ontspannen sfeer');
    expect(observation.answers).toEqual([{ itemKey: 'klimaat-1', score: 3, comment: 'Rustige start' }]);
  });

  it('a deactivated form is refused for a new visit, leaves the list, and its observations still show', async () => {
    const form = await newForm('Kijkwijzer oud');
    const teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const earlier = await readJson(await planVisit(teacher, form.id, '2028-03-08'));
    expect(
      (
        await call(coach, 'PUT', `/coaching/visits/${earlier.id}/observation`, {
          answers: [{ itemKey: 'klimaat-2', score: 2 }],
        })
      ).status,
    ).toBe(200);

    const deactivated = await call(admin, 'PATCH', `/coaching/forms/${form.id}`, { active: false });
    expect(deactivated.status).toBe(200);
    expect(await readJson(deactivated)).toMatchObject({ active: false, inUse: true });

    const refused = await planVisit(teacher, form.id, '2028-03-15');
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await readJson(refused)).toMatchObject({ code: 'form_inactive' });

    const forCoach = (await readJson(await call(coach, 'GET', '/coaching/forms'))) as FormView[];
    expect(forCoach.some((f) => f.id === form.id)).toBe(false);
    // Only admins see deactivated forms, and only when they ask.
    const coachAsks = (await readJson(await call(coach, 'GET', '/coaching/forms?includeInactive=true'))) as FormView[];
    expect(coachAsks.some((f) => f.id === form.id)).toBe(false);
    const adminAsks = (await readJson(await call(admin, 'GET', '/coaching/forms?includeInactive=true'))) as FormView[];
    expect(adminAsks.find((f) => f.id === form.id)).toMatchObject({ active: false });
    expect((await call(admin, 'GET', '/coaching/forms?includeInactive=ja')).status).toBe(400);

    const observation = await readJson(await call(coach, 'GET', `/coaching/visits/${earlier.id}/observation`));
    expect(observation.form).toMatchObject({ id: form.id, name: 'Kijkwijzer oud' });
    expect(observation.answers).toEqual([{ itemKey: 'klimaat-2', score: 2, comment: '' }]);

    // Active again: usable again.
    expect((await call(admin, 'PATCH', `/coaching/forms/${form.id}`, { active: true })).status).toBe(200);
    expect((await planVisit(teacher, form.id, '2028-03-15')).status).toBe(201);
  });

  it('the default form cannot be deactivated', async () => {
    const forms = (await readJson(await call(admin, 'GET', '/coaching/forms'))) as FormView[];
    const standard = forms.find((form) => form.isDefault);
    expect(standard).toBeDefined();
    const response = await call(admin, 'PATCH', `/coaching/forms/${standard?.id}`, { active: false });
    expect(response.status).toBe(422);
    expect(await readJson(response)).toMatchObject({ code: 'default_form' });
  });

  it('refuses anyone but an admin, and unknown forms', async () => {
    const form = await newForm('Kijkwijzer alleen beheer');
    const teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    for (const who of [coach, teacher]) {
      const response = await call(who, 'PATCH', `/coaching/forms/${form.id}`, { name: 'Gekaapt', active: false });
      expect({ who: who.id, status: response.status }).toEqual({ who: who.id, status: 403 });
    }
    const unchanged = (await readJson(await call(admin, 'GET', `/coaching/forms/${form.id}`))) as FormView;
    expect(unchanged).toMatchObject({ name: 'Kijkwijzer alleen beheer', active: true });
    const anonymous = await fetch(`${api.url}/api/v1/coaching/forms/${form.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(anonymous.status).toBe(401);
    const unknown = await call(admin, 'PATCH', '/coaching/forms/00000000-0000-4000-8000-000000000000', {
      name: 'x',
    });
    expect(unknown.status).toBe(404);
    expect((await call(admin, 'PATCH', '/coaching/forms/geen-uuid', { name: 'x' })).status).toBe(400);
  });
});
