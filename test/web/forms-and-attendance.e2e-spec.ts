import { WEB_URL } from './web-env';
import type { DataSource } from 'typeorm';
import { displayName, type Person, type School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { screenshot } from './browser';
import { intervisionSeries } from './intervision-series';
import { WebTestBed } from './web-test-bed';

describe('observation forms (admin) and intervision attendance (facilitator) in a real browser', () => {
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
    const at = (fn: 'teacher' | 'werkbegeleider') => [{ schoolId: school.id, function: fn }];
    people.admin = await make.person({ givenName: 'Ada', isAdmin: true, memberships: at('teacher') });
    people.coach = await make.person({ givenName: 'Fenna', memberships: at('werkbegeleider') });
    people.present = await make.person({ givenName: 'Piet', memberships: at('teacher') });
    people.absent = await make.person({ givenName: 'Anouk', memberships: at('teacher') });
    people.excused = await make.person({ givenName: 'Eva', memberships: at('teacher') });
  }, 120_000);

  afterAll(() => bed.stop());

  it('an admin creates an observation form with a scale and two domains; after a reload it is listed and shown', async () => {
    const formName = `Kijkwijzer rekenles ${Date.now()}`;
    const page = await asPerson(people.admin);
    await page.goto(`${WEB_URL}/beheer`);
    await page
      .getByRole('navigation', { name: 'Onderdelen van beheer' })
      .getByRole('link', { name: 'Kijkwijzers' })
      .click();
    await page.getByRole('heading', { name: 'Kijkwijzers', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Nieuwe kijkwijzer' }).waitFor();

    await page.getByLabel('Naam', { exact: true }).fill(formName);
    const scale = ['Niet zichtbaar', 'Soms zichtbaar', 'Meestal zichtbaar', 'Altijd zichtbaar'];
    for (const [index, label] of scale.entries()) {
      await page.getByLabel(`Omschrijving bij waarde ${index + 1}`, { exact: true }).fill(label);
    }
    await page.getByLabel('Titel van domein 1', { exact: true }).fill('Instructie');
    await page.getByLabel('Item 1 van domein 1', { exact: true }).fill('De leraar benoemt het lesdoel.');
    await page.getByRole('button', { name: 'Item toevoegen aan domein 1' }).click();
    await page.getByLabel('Item 2 van domein 1', { exact: true }).fill('De leraar doet hardop denkend voor.');
    await page.getByRole('button', { name: 'Domein toevoegen' }).click();
    await page.getByLabel('Titel van domein 2', { exact: true }).fill('Klassenmanagement');
    await page.getByLabel('Item 1 van domein 2', { exact: true }).fill('De overgangen verlopen rustig.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Kijkwijzer opslaan' }).click();
    await page.getByText(`Kijkwijzer “${formName}” is opgeslagen.`).waitFor();

    // After a reload the list has the new form next to the default one.
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: formName });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['2', '3', scale.join(' · '), 'actief']);
    await page.getByRole('row').filter({ hasText: 'standaard' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-forms');

    await row.getByRole('link', { name: formName }).click();
    await page.getByRole('heading', { name: formName, level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: formName, level: 1 }).waitFor();
    const instruction = page.getByRole('region', { name: 'Instructie' });
    expect(await instruction.getByRole('listitem').allTextContents()).toEqual([
      'De leraar benoemt het lesdoel.',
      'De leraar doet hardop denkend voor.',
    ]);
    expect(
      await page.getByRole('region', { name: 'Klassenmanagement' }).getByRole('listitem').allTextContents(),
    ).toEqual(['De overgangen verlopen rustig.']);
    expect(await page.locator('#form-scale-title + dl dd').allTextContents()).toEqual(scale);
    await expectAccessible(page);
    await screenshot(page, 'admin-form');

    // The API has the same form, for the observers to choose.
    const forms = (await readJson(await apiCall(people.coach, 'GET', '/coaching/forms'))) as Array<{ name: string }>;
    expect(forms.map((form) => form.name)).toContain(formName);
  });

  it('the facilitator marks who was at a meeting that has started; after a reload the marks are there', async () => {
    const members = [people.present, people.absent, people.excused];
    const { group, meetings } = await intervisionSeries<{ id: string; appointmentId: string }>(apiCall, people.coach, {
      name: 'Intervisie aanwezigheid',
      schoolId: school.id,
      room: 'Teamkamer',
      members,
    });
    expect(meetings.length).toBeGreaterThan(1);
    // The first meeting has taken place: yesterday afternoon.
    const start = new Date(Date.now() - 86_400_000);
    await db.query('UPDATE appointment SET starts_at = ?, ends_at = ? WHERE id = ?', [
      start,
      new Date(start.getTime() + 90 * 60_000),
      meetings[0].appointmentId,
    ]);

    const page = await asPerson(people.coach);
    await page.goto(`${WEB_URL}/intervisie/${group.id}`);
    await page.getByRole('heading', { name: group.name, level: 1 }).waitFor();
    // Only the meeting that has started offers attendance.
    const attendance = page.locator('details.attendance');
    await attendance.first().waitFor();
    expect(await attendance.count()).toBe(1);
    const summary = attendance.locator('summary');
    await summary.getByText('0 aanwezig, 0 afgemeld, 0 afwezig, 3 niet ingevuld', { exact: false }).waitFor();
    await summary.click();
    const mark = (person: Person, status: string) =>
      attendance.getByRole('group', { name: name(person), exact: true }).getByLabel(status, { exact: true });
    await mark(people.present, 'Aanwezig').check();
    await mark(people.absent, 'Afwezig').check();
    // Keyboard: the radio group of the third member, chosen with the arrow keys.
    await mark(people.excused, 'Aanwezig').focus();
    await page.keyboard.press('ArrowRight');
    expect(await mark(people.excused, 'Afgemeld').isChecked()).toBe(true);
    await expectAccessible(page);
    await attendance.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await attendance.getByText('Aanwezigheid opgeslagen.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: group.name, level: 1 }).waitFor();
    await summary.getByText('1 aanwezig, 1 afgemeld, 1 afwezig, 0 niet ingevuld', { exact: false }).waitFor();
    await summary.click();
    expect(await mark(people.present, 'Aanwezig').isChecked()).toBe(true);
    expect(await mark(people.absent, 'Afwezig').isChecked()).toBe(true);
    expect(await mark(people.excused, 'Afgemeld').isChecked()).toBe(true);
    expect(await mark(people.present, 'Afwezig').isChecked()).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'intervision-attendance');

    // The API recorded the same.
    const recorded = await readJson(
      await apiCall(people.coach, 'GET', `/intervision/meetings/${meetings[0].id}/attendance`),
    );
    expect(recorded.items).toEqual(
      expect.arrayContaining([
        { personId: people.present.id, status: 'present' },
        { personId: people.absent.id, status: 'absent' },
        { personId: people.excused.id, status: 'excused' },
      ]),
    );
  });
});
