import { WEB_URL } from './web-env';
import type { DataSource } from 'typeorm';
import { displayName, type Person, type School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

/**
 * The person picker (PersonPicker.tsx) where an admin names someone: a person's line manager in
 * the person editor, and the facilitator of an intervision group the admin (no coach) starts.
 * Typed into, searched with Enter, the matches announced and picked with their own button.
 */
describe('the person picker in a real browser: line manager and intervision facilitator', () => {
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
    const at = (fn: 'teacher' | 'director' | 'intern_begeleider') => [{ schoolId: school.id, function: fn }];
    people.admin = await make.person({ givenName: 'Ada', isAdmin: true });
    people.teacher = await make.person({ givenName: 'Femke', memberships: at('teacher') });
    people.director = await make.person({ givenName: 'Dirk', memberships: at('director') });
    people.coach = await make.person({ givenName: 'Carla', memberships: at('intern_begeleider') });
  }, 120_000);

  afterAll(() => bed.stop());

  it('an admin sets a person’s line manager with the picker and sees it after a reload', async () => {
    const page = await asPerson(people.admin);
    const openEditor = async () => {
      await page.goto(`${WEB_URL}/beheer/personen`);
      await page.getByLabel('Zoek op naam of e-mailadres').fill(people.teacher.email);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.getByRole('button', { name: `${name(people.teacher)} bewerken` }).click();
      const editor = page.getByRole('region', { name: `Persoon bewerken: ${name(people.teacher)}` });
      await editor.waitFor();
      return editor.getByRole('region', { name: 'Leidinggevende' });
    };
    let section = await openEditor();
    await section.getByText('Geen leidinggevende vastgelegd', { exact: false }).waitFor();

    // Keyboard: type, Enter searches (the person form around it is not submitted), the count is announced.
    const field = section.getByLabel('Zoek een leidinggevende (naam of e-mail)');
    await field.fill(people.director.email);
    await field.press('Enter');
    await section.getByRole('status').getByText('1 gevonden. Kies hieronder.').waitFor();
    const choose = section.getByRole('button', { name: `${name(people.director)} kiezen als leidinggevende` });
    await expectAccessible(page);
    await choose.focus();
    await page.keyboard.press('Enter');
    await section.getByText(`Leidinggevende van ${name(people.teacher)}: ${name(people.director)}.`).waitFor();
    // The matches are gone and the field is empty again, with the focus back in it.
    expect(await section.getByRole('list').count()).toBe(0);
    expect(await field.inputValue()).toBe('');
    expect(await page.locator(':focus').getAttribute('id')).toBe(await field.getAttribute('id'));
    await expectAccessible(page);
    await screenshot(page, 'admin-line-manager');

    // After a reload the editor shows the line manager; the API has it too.
    await page.reload();
    section = await openEditor();
    await section.getByText(`${name(people.director)} (${people.director.email})`).waitFor();
    const stored = await readJson(await apiCall(people.admin, 'GET', `/people/${people.teacher.id}`));
    expect(stored.lineManagerId).toBe(people.director.id);

    // Nobody matching: said so; the person themselves is not offered as their own line manager.
    await section.getByLabel('Zoek een leidinggevende (naam of e-mail)').fill(people.teacher.email);
    await section.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await section.getByRole('status').getByText('Niemand gevonden.').waitFor();

    // Taken away again.
    await section.getByRole('button', { name: 'Leidinggevende weghalen' }).click();
    await section.getByText(`${name(people.teacher)} heeft geen leidinggevende meer.`).waitFor();
    expect((await readJson(await apiCall(people.admin, 'GET', `/people/${people.teacher.id}`))).lineManagerId).toBe(
      null,
    );
  }, 60_000);

  it('an admin who is not a coach starts an intervision group for a facilitator chosen with the picker', async () => {
    const page = await asPerson(people.admin);
    await page.goto(`${WEB_URL}/intervisie`);
    const form = page.getByRole('region', { name: 'Nieuwe intervisiegroep starten' });
    await form.waitFor();
    await form.getByText('Nog niemand gekozen: zoek hieronder een coach.').waitFor();
    const groupName = `Intervisie picker ${Date.now()}`;
    await form.getByLabel('Naam van de groep').fill(groupName);
    await form.getByLabel('School waar de groep samenkomt').selectOption('');
    await form.getByLabel('Online link (https://…)').fill('https://meet.example.nl/intervisie');

    // Without a facilitator the page says what is missing and sends nothing.
    await form.getByRole('button', { name: 'Groep starten' }).click();
    await form.getByRole('alert').getByText('Kies eerst wie de groep begeleidt.').waitFor();

    // A teacher is not offered (only coaches facilitate); the coach is.
    const field = form.getByLabel('Zoek een begeleider (coach) op naam of e-mailadres');
    await field.fill(people.teacher.email);
    await field.press('Enter');
    await form.getByRole('status').getByText('Geen coach gevonden.').waitFor();
    await field.fill(people.coach.email);
    await field.press('Enter');
    await form.getByRole('status').getByText('1 gevonden. Kies hieronder.').waitFor();
    await expectAccessible(page);
    await form.getByRole('button', { name: `${name(people.coach)} kiezen als begeleider` }).click();
    await form.getByText(`Begeleider: ${name(people.coach)}.`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-start-group-facilitator');

    await form.getByRole('button', { name: 'Groep starten' }).click();
    await form.getByText(`Groep “${groupName}” is gestart.`).waitFor();
    expect(await form.getByRole('alert').count()).toBe(0);

    // The coach facilitates it: it is on their list as theirs, and its page names them.
    const theirs = await readJson(await apiCall(people.coach, 'GET', '/intervision/groups'));
    const group = (theirs.items as Array<{ id: string; name: string; facilitatorPersonId: string }>).find(
      (item) => item.name === groupName,
    );
    expect(group?.facilitatorPersonId).toBe(people.coach.id);
    await form.getByRole('link', { name: 'Naar de groep' }).click();
    await page.getByRole('heading', { name: groupName }).waitFor();
    await page.getByText(name(people.coach), { exact: true }).first().waitFor();
    await expectAccessible(page);
  }, 60_000);
});
