import { WEB_URL } from './web-env';
import type { DataSource } from 'typeorm';
import { displayName, type Person, type School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

// Lessons and meetings in spring 2029: past the school years whose holidays other tests import
// into the same database, so no school holiday refuses them.
const LESSON_DATE = '2029-03-14';
const SCHOOL_YEAR = '2028-2029';

interface FormDomain {
  title: string;
  items: Array<{ key: string; text: string }>;
}

describe('the coach pages in a real browser: classroom visits, observations, intervision, trajectories', () => {
  let db: DataSource;
  let school: School;
  const people: Record<string, Person> = {};
  const bed = new WebTestBed();
  const visitors = bed.visitors;
  const { asPerson, apiCall, expectAccessible } = visitors;
  const name = (person: Person) => displayName(person);

  beforeAll(async () => {
    ({ db } = await bed.start());
    const make = factory(db);
    school = await make.school();
    const at = (fn: 'teacher' | 'werkbegeleider' | 'starter') => [{ schoolId: school.id, function: fn }];
    people.coach = await make.person({ givenName: 'Carla', memberships: at('werkbegeleider') });
    people.teacher = await make.person({ givenName: 'Tessa', memberships: at('teacher') });
    people.other = await make.person({ givenName: 'Olaf', memberships: at('teacher') });
    people.coachee = await make.person({ givenName: 'Koen', memberships: at('starter') });
    people.member = await make.person({ givenName: 'Mila', memberships: at('teacher') });
  }, 120_000);

  afterAll(() => bed.stop());

  let visitUrl = '';

  it('a coach plans a classroom visit: the pre-visit meeting and the debrief are proposed, the visit is listed', async () => {
    const page = await asPerson(people.coach);
    await page.goto(WEB_URL);
    await page.getByRole('navigation').getByRole('link', { name: 'Klassenbezoeken' }).click();
    await page.getByRole('heading', { name: 'Mijn klassenbezoeken' }).waitFor();
    await page.getByText('Geen klassenbezoeken.').waitFor();

    await page.getByLabel('Leraar die je bezoekt').selectOption({ label: name(people.teacher) });
    await page.getByLabel('Groep of klas').fill('groep 6');
    await page.getByLabel('Datum van de les').fill(LESSON_DATE);
    await page.getByLabel('Begintijd van de les').fill('09:00');
    await page.getByLabel('Eindtijd van de les').fill('09:45');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Bezoek plannen' }).click();
    await page.getByText(`${name(people.teacher)} krijgt drie uitnodigingen per mail.`).waitFor();

    // The list shows the visit with the teacher's name and the lesson's date.
    const card = page.locator('.card', { hasText: 'Lesbezoek groep 6' });
    await card.getByText(`bij ${name(people.teacher)}`).waitFor();
    await card.getByText('woensdag 14 maart 2029').waitFor();
    await card.getByText('Jij observeert').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'visits');

    await page.getByRole('link', { name: 'Naar het bezoek' }).click();
    await page.getByRole('heading', { name: 'Lesbezoek groep 6' }).waitFor();
    visitUrl = new URL(page.url()).pathname;
    const parts = page.locator('.appointments li');
    expect(await parts.allTextContents()).toEqual([
      expect.stringMatching(/^Voorgesprek: /),
      expect.stringMatching(/^Klassenbezoek: woensdag 14 maart 2029, 09:00–09:45/),
      expect.stringMatching(/^Nagesprek: /),
    ]);
    await page.locator('dd', { hasText: name(people.teacher) }).waitFor();
    await page.getByText('Nagesprek nog niet gehouden', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'visit');

    // The teacher sees the same visit in their own list, from the other side.
    const teacher = await asPerson(people.teacher);
    await teacher.goto(`${WEB_URL}/klassenbezoeken`);
    const mine = teacher.locator('.card', { hasText: 'Lesbezoek groep 6' });
    await mine.getByText(`bij ${name(people.coach)}`).waitFor();
    await mine.getByText('Jij wordt bezocht').waitFor();
  });

  it('the observer fills in the observation form; the teacher reads it only after the debrief, nobody else ever', async () => {
    expect(visitUrl).toMatch(/^\/klassenbezoeken\//);
    const forms = await readJson(await apiCall(people.coach, 'GET', '/coaching/forms'));
    const [firstDomain, secondDomain] = (
      forms.find((form: { isDefault: boolean }) => form.isDefault) as {
        domains: FormDomain[];
      }
    ).domains;
    const first = firstDomain.items[0];
    const second = secondDomain.items[0];
    const overall = 'Rustige start, duidelijke instructie; de verlengde instructie kan korter.';

    const page = await asPerson(people.coach);
    await page.goto(`${WEB_URL}${visitUrl}`);
    await page.getByRole('heading', { name: 'Observatie (kijkwijzer)' }).waitFor();
    await page.getByRole('group', { name: first.text, exact: true }).getByLabel('Meestal zichtbaar').check();
    await page.getByRole('group', { name: second.text, exact: true }).getByLabel('Soms zichtbaar').check();
    await page.getByLabel(`Toelichting bij: ${first.text}`).fill('Kinderen wisten direct wat ze moesten doen.');
    await page.getByLabel('Algemene indruk').fill(overall);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Observatie opslaan' }).click();
    await page.getByText('Observatie opgeslagen').waitFor();
    await screenshot(page, 'visit-observation');

    // After a reload the saved observation is shown again.
    await page.reload();
    await page.getByRole('heading', { name: 'Observatie (kijkwijzer)' }).waitFor();
    await page.waitForFunction(
      (text) =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }
        ).document.querySelector('#overall-comment')?.value === text,
      overall,
    );
    expect(
      await page.getByRole('group', { name: first.text, exact: true }).getByLabel('Meestal zichtbaar').isChecked(),
    ).toBe(true);
    expect(
      await page.getByRole('group', { name: second.text, exact: true }).getByLabel('Soms zichtbaar').isChecked(),
    ).toBe(true);
    expect(await page.getByLabel(`Toelichting bij: ${first.text}`).inputValue()).toBe(
      'Kinderen wisten direct wat ze moesten doen.',
    );

    // Before the debrief the teacher does not see it.
    const teacher = await asPerson(people.teacher);
    await teacher.goto(`${WEB_URL}${visitUrl}`);
    await teacher.getByText('Je leest de observatie na het nagesprek.').waitFor();
    expect(await teacher.getByText(overall).count()).toBe(0);

    // The observer marks the debrief held; now the teacher reads the observation.
    await page.getByRole('button', { name: 'Nagesprek is gehouden' }).click();
    await page.getByText('Nagesprek gehouden', { exact: false }).first().waitFor();
    await page.getByText('De leraar kan deze observatie lezen.').waitFor();
    await teacher.reload();
    await teacher.getByText(overall).waitFor();
    const item = teacher.locator('dl > div', { hasText: first.text });
    await item.getByText('Meestal zichtbaar').waitFor();
    await item.getByText('Kinderen wisten direct wat ze moesten doen.').waitFor();
    expect(await teacher.getByRole('button', { name: 'Observatie opslaan' }).count()).toBe(0);
    await expectAccessible(teacher);
    await screenshot(teacher, 'visit-observation-teacher');

    // Another teacher of the school gets nothing: no visit, no observation.
    const other = await asPerson(people.other);
    await other.goto(`${WEB_URL}${visitUrl}`);
    await other.getByRole('alert').waitFor();
    expect(await other.getByText(overall).count()).toBe(0);
    expect(await other.getByText(name(people.teacher)).count()).toBe(0);
  });

  it('a coach sees their intervision groups and plans the meetings from a time when everyone can come', async () => {
    const members = [people.teacher, people.other, people.member];
    const created = await apiCall(people.coach, 'POST', '/intervision/groups', {
      name: 'Intervisie groep 5 tot en met 8',
      method: 'incident',
      schoolId: school.id,
      room: 'Teamkamer',
      schoolYear: SCHOOL_YEAR,
      closurePolicy: 'skip',
      memberPersonIds: members.map((member) => member.id),
    });
    expect(created.status).toBe(201);
    const group = await readJson(created);

    const page = await asPerson(people.coach);
    await page.goto(WEB_URL);
    await page.getByRole('navigation').getByRole('link', { name: 'Intervisie' }).click();
    await page.getByRole('heading', { name: 'Mijn intervisiegroepen' }).waitFor();
    const card = page.locator('.card', { hasText: group.name });
    await card.getByText(`Schooljaar ${SCHOOL_YEAR}`).waitFor();
    await card.getByText('Jij begeleidt').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'intervision-groups');

    await page.getByRole('link', { name: group.name }).click();
    await page.getByRole('heading', { name: group.name }).waitFor();
    for (const member of members) {
      await page
        .getByRole('listitem')
        .filter({ hasText: name(member) })
        .first()
        .waitFor();
    }
    await page.getByText('Nog geen bijeenkomsten gepland.').waitFor();

    await page.getByLabel('Vanaf').fill('2029-03-01');
    await page.getByLabel('Tot en met').fill('2029-06-29');
    await page.getByRole('button', { name: 'Zoek tijden waarop iedereen kan' }).click();
    const suggestion = page.getByRole('button', { name: /^Gebruik / }).first();
    await suggestion.waitFor();
    await expectAccessible(page);
    const chosen = /^Gebruik (\w+) (\d\d:\d\d)/.exec((await suggestion.textContent()) ?? '');
    expect(chosen).not.toBeNull();
    await suggestion.click();
    expect(await page.getByLabel('Begintijd').inputValue()).toBe(chosen![2]);
    await page.getByRole('button', { name: 'Bijeenkomsten plannen' }).click();
    const notice = page.getByText(/^\d+ bijeenkomsten gepland\.$/);
    await notice.waitFor();
    const planned = Number(/^(\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(planned).toBeGreaterThan(0);

    // After a reload the page lists the planned meetings, on the chosen weekday and time.
    await page.reload();
    await page.getByRole('heading', { name: 'Bijeenkomsten', exact: true }).waitFor();
    const meetings = page.locator('.appointments li');
    await meetings.first().waitFor();
    const texts = await meetings.allTextContents();
    expect(texts).toHaveLength(planned);
    for (const text of texts) {
      expect(text.startsWith(chosen![1])).toBe(true);
      expect(text).toContain(`${chosen![2]}–`);
      expect(text).toContain('Gepland');
    }

    // The facilitator names the case presenter of the first meeting.
    const firstMeeting = meetings.first();
    await firstMeeting.getByText('Inbrenger kiezen').click();
    await firstMeeting.getByLabel(/^Inbrenger op /).selectOption({ label: name(people.member) });
    await firstMeeting.getByRole('button', { name: 'Inbrenger opslaan' }).click();
    await firstMeeting.getByText(`Inbrenger: ${name(people.member)}`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'intervision-group');

    // A member sees the group and its meetings, but plans nothing.
    const member = await asPerson(people.member);
    await member.goto(`${WEB_URL}/intervisie`);
    await member.locator('.card', { hasText: group.name }).getByText('Jij bent lid').waitFor();
    await member.getByRole('link', { name: group.name }).click();
    await member.getByRole('heading', { name: group.name }).waitFor();
    await member.locator('dd', { hasText: name(people.coach) }).waitFor();
    await member
      .locator('.appointments li')
      .first()
      .getByText(`Inbrenger: ${name(people.member)}`)
      .waitFor();
    expect(await member.locator('.appointments li').count()).toBe(planned);
    expect(await member.getByRole('button', { name: 'Bijeenkomsten plannen' }).count()).toBe(0);
    expect(await member.getByText('Inbrenger kiezen').count()).toBe(0);
  });

  it('trajectories show the coachee by name to the coach, and the coach by name to the coachee', async () => {
    const created = await apiCall(people.coach, 'POST', '/coaching/trajectories', {
      coacheePersonId: people.coachee.id,
      schoolId: school.id,
      coachingQuestion: 'Hoe krijg ik rust in groep 7 na de pauze?',
      goals: 'Een vaste start na de pauze.',
      method: 'grow',
      plannedSessions: 3,
      startDate: LESSON_DATE,
      status: 'active',
    });
    expect(created.status).toBe(201);
    const trajectory = await readJson(created);

    const page = await asPerson(people.coach);
    await page.goto(`${WEB_URL}/begeleiding`);
    const card = page.locator('.card', { hasText: trajectory.coachingQuestion });
    await card.getByText(`Coachee: ${name(people.coachee)}`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coaching');
    await card.getByRole('link', { name: trajectory.coachingQuestion }).click();
    await page.getByRole('heading', { name: trajectory.coachingQuestion }).waitFor();
    await page.locator('dd', { hasText: name(people.coachee) }).waitFor();

    const coachee = await asPerson(people.coachee);
    await coachee.goto(`${WEB_URL}/begeleiding`);
    await coachee
      .locator('.card', { hasText: trajectory.coachingQuestion })
      .getByText(`Coach: ${name(people.coach)}`)
      .waitFor();
  });

  it('the coach pages switch to English', async () => {
    const page = await asPerson(people.coach);
    await page.goto(`${WEB_URL}${visitUrl}`);
    await page.getByRole('heading', { name: 'Lesbezoek groep 6' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Lesson visit groep 6' }).waitFor();
    await page.getByRole('heading', { name: 'Observation (observation form)' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Intervision' }).click();
    await page.getByRole('heading', { name: 'My intervision groups' }).waitFor();
  });
});
