import { WEB_URL } from './web-env';
import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

// Meetings in spring 2029: past the school years whose holidays other tests import into the same
// database, so no school holiday refuses them.
const MEETING_DATE = '2029-03-21';

/** How the app writes a date and time (src/format.ts, Dutch). */
function dutchDateTime(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

describe('waitlist offers in the app, and an organiser cancelling or moving a meeting, in a real browser', () => {
  let db: DataSource;
  let school: School;
  const people: Record<string, Person> = {};
  const bed = new WebTestBed();
  const visitors = bed.visitors;
  const { asPerson, apiCall, expectAccessible } = visitors;
  const run = Math.random().toString(36).slice(2, 8);

  beforeAll(async () => {
    ({ db } = await bed.start());
    const make = factory(db);
    school = await make.school({ name: `Basisschool De Esch ${run}` });
    const at = (fn: 'teacher' | 'intern_begeleider') => [{ schoolId: school.id, function: fn }];
    people.organiser = await make.person({ givenName: 'Olga', memberships: at('intern_begeleider') });
    for (const name of ['Anna', 'Bram', 'Cees', 'Dora']) {
      people[name.toLowerCase()] = await make.person({ givenName: name, memberships: at('teacher') });
    }
    people.admin = await make.person({ givenName: 'Ada', isAdmin: true, memberships: at('teacher') });
  }, 120_000);

  afterAll(() => bed.stop());

  /** A theme meeting of one seat, organised by Olga, with offers (24 hours to answer). */
  async function meeting(title: string, start = '15:30', end = '17:00'): Promise<{ id: string }> {
    const response = await apiCall(people.organiser, 'POST', '/theme-meetings', {
      title,
      tags: ['lezen'],
      format: 'on_site',
      schoolId: school.id,
      room: 'Teamkamer',
      capacity: 1,
      sessions: [
        { start: `${MEETING_DATE}T${start}:00+01:00`, end: `${MEETING_DATE}T${end}:00+01:00` },
        { start: `2029-03-28T${start}:00+02:00`, end: `2029-03-28T${end}:00+02:00` },
      ],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: `${MEETING_DATE}T12:00:00+01:00`,
      audienceSchoolIds: [school.id],
      offerMode: 'offer',
      offerHours: 24,
    });
    expect(response.status).toBe(201);
    return readJson(response);
  }

  async function signUp(meetingId: string, ...who: Person[]): Promise<Array<{ id: string; status: string }>> {
    const out = [];
    for (const person of who) {
      out.push(await readJson(await apiCall(person, 'POST', `/theme-meetings/${meetingId}/registrations`, {})));
    }
    return out;
  }

  async function myRegistration(page: Page, text: string): Promise<void> {
    await page.getByRole('region', { name: 'Mijn inschrijving' }).locator('.registration', { hasText: text }).waitFor();
  }

  it('a teacher offered a seat sees the deadline and accepts in the app; another declines; a late answer is refused', async () => {
    const sut = await meeting(`Begrijpend lezen ${run}`);
    const [anna] = await signUp(sut.id, people.anna, people.bram, people.cees, people.dora);
    expect(
      (await apiCall(people.anna, 'POST', `/theme-meetings/${sut.id}/registrations/${anna.id}/cancel`)).status,
    ).toBe(200);
    const offer = await readJson(await apiCall(people.bram, 'GET', `/theme-meetings/${sut.id}/registration`));
    expect(offer.status).toBe('offered');

    // Bram: the offer, its deadline and two buttons; accepting confirms him, also after a reload.
    const bram = await asPerson(people.bram);
    await bram.goto(`${WEB_URL}/themabijeenkomsten/${sut.id}`);
    await myRegistration(bram, `Accepteer of sla af vóór ${dutchDateTime(offer.offerDeadline)}`);
    await bram.getByText('Je kunt het aanbod hier beantwoorden of met de knoppen in de mail.').waitFor();
    expect(await bram.getByRole('button', { name: 'Inschrijving annuleren' }).count()).toBe(0);
    await expectAccessible(bram);
    await screenshot(bram, 'theme-meeting-offer-in-app');
    await bram.getByRole('button', { name: 'Plaats accepteren' }).click();
    await myRegistration(bram, 'Je bent ingeschreven.');
    await bram.reload();
    await myRegistration(bram, 'Je bent ingeschreven.');
    expect(await bram.getByRole('button', { name: 'Plaats accepteren' }).count()).toBe(0);
    await bram.getByRole('button', { name: 'Inschrijving annuleren' }).waitFor();

    // Bram cancels after all: Cees is offered the seat and declines it; Dora is next.
    await bram.getByRole('button', { name: 'Inschrijving annuleren' }).click();
    await myRegistration(bram, 'Je inschrijving is geannuleerd.');
    const cees = await asPerson(people.cees);
    await cees.goto(`${WEB_URL}/themabijeenkomsten/${sut.id}`);
    await cees.getByRole('button', { name: 'Plaats afslaan' }).click();
    await myRegistration(cees, 'Je hebt het aanbod afgeslagen.');
    await cees.reload();
    await myRegistration(cees, 'Je hebt het aanbod afgeslagen.');

    // Dora lets the deadline pass while the page is open: her click is refused, the page says why.
    const dora = await asPerson(people.dora);
    await dora.goto(`${WEB_URL}/themabijeenkomsten/${sut.id}`);
    await dora.getByRole('button', { name: 'Plaats accepteren' }).waitFor();
    await db.query(
      'UPDATE theme_registration SET offer_deadline = NOW(3) - INTERVAL 1 MINUTE WHERE meeting_id = ? AND person_id = ?',
      [sut.id, people.dora.id],
    );
    await dora.getByRole('button', { name: 'Plaats accepteren' }).click();
    await dora.getByRole('alert').filter({ hasText: 'Te laat: de tijd om te antwoorden is voorbij' }).waitFor();
    await myRegistration(dora, 'Het aanbod is verlopen.');
    await dora.reload();
    await myRegistration(dora, 'Het aanbod is verlopen.');
    expect(await dora.getByRole('button', { name: 'Plaats accepteren' }).count()).toBe(0);
  });
  it('an organiser moves a session and, after confirming, cancels the whole meeting; a teacher sees it cancelled', async () => {
    const title = `Rekenen met begrip ${run}`;
    const sut = await meeting(title, '13:00', '14:30');
    const [anna] = await signUp(sut.id, people.anna, people.bram);
    expect(anna.status).toBe('confirmed');

    const page = await asPerson(people.organiser);
    await page.goto(`${WEB_URL}/organiseren/${sut.id}`);
    await page.getByRole('heading', { name: title }).waitFor();

    // Move the second session to the week after, one hour later.
    await page.getByText('Een bijeenkomst verplaatsen').click();
    await page
      .getByLabel('Welke bijeenkomst')
      .selectOption({ label: 'Bijeenkomst 2: woensdag 28 maart 2029, 13:00–14:30' });
    await page.getByLabel('Nieuwe datum').fill('2029-04-04');
    await page.getByLabel('Begintijd').fill('14:00');
    await page.getByLabel('Eindtijd').fill('15:30');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Verplaatsen' }).click();
    await page
      .getByText('Bijeenkomst 2 is verplaatst naar woensdag 4 april 2029, 14:00–15:30. Iedereen die is ingeschreven')
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Bijeenkomst 2: woensdag 4 april 2029, 14:00–15:30' }).waitFor();
    await page.getByRole('heading', { name: 'Bijeenkomst 1: woensdag 21 maart 2029, 13:00–14:30' }).waitFor();
    const moved = await readJson(await apiCall(people.anna, 'GET', `/theme-meetings/${sut.id}`));
    expect(moved.sessions.map((s: { start: string }) => s.start)).toEqual([
      '2029-03-21T12:00:00.000Z',
      '2029-04-04T12:00:00.000Z',
    ]);

    // Cancelling asks first; "no" changes nothing.
    const section = page.getByRole('region', { name: 'Themabijeenkomst afgelasten' });
    await section.getByRole('button', { name: 'Themabijeenkomst afgelasten' }).click();
    await section
      .getByText(`Weet je het zeker? 1 ingeschreven en 1 wachtenden krijgen bericht dat "${title}" niet doorgaat.`)
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'organiser-cancel-confirm');
    await section.getByRole('button', { name: 'Nee, niet afgelasten' }).click();
    expect((await readJson(await apiCall(people.organiser, 'GET', `/theme-meetings/${sut.id}`))).status).toBe(
      'published',
    );

    await section.getByRole('button', { name: 'Themabijeenkomst afgelasten' }).click();
    await section.getByRole('button', { name: 'Ja, afgelasten' }).click();
    await page.getByText('Deze themabijeenkomst is afgelast.').waitFor();
    await page.reload();
    await page.getByText('Deze themabijeenkomst is afgelast.').waitFor();
    await page.getByText(/^Geannuleerd · /).waitFor();
    expect(await page.getByRole('button', { name: 'Themabijeenkomst afgelasten' }).count()).toBe(0);
    expect(await page.getByText('Een bijeenkomst verplaatsen').count()).toBe(0);

    const teacher = await asPerson(people.anna);
    await teacher.goto(`${WEB_URL}/themabijeenkomsten/${sut.id}`);
    await myRegistration(teacher, 'Je inschrijving is geannuleerd.');
  });
  it("an admin imports a school's study days from an iCalendar file, again after a change, and sees them after a reload", async () => {
    const ics = (events: string[]) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//De Esch//Jaarplanning//NL', ...events, 'END:VCALENDAR', ''].join(
        '\r\n',
      );
    const event = (uid: string, summary: string, date: string, extra: string[] = []) =>
      [
        'BEGIN:VEVENT',
        `UID:${uid}-${run}@esch.example`,
        'DTSTAMP:20260901T080000Z',
        `SUMMARY:${summary}`,
        `DTSTART;VALUE=DATE:${date}`,
        ...extra,
        'END:VEVENT',
      ].join('\r\n');
    const first = ics([
      event('teamdag', 'Studiedag teamscholing', '20280214'),
      event('rapport', 'Studiedag rapporten', '20280306'),
    ]);
    const page = await asPerson(people.admin);
    const open = async () => {
      await page.goto(`${WEB_URL}/beheer/kalender`);
      await page.getByRole('heading', { name: 'Schoolkalender' }).waitFor();
      await page.getByLabel('School', { exact: true }).selectOption({ label: school.name });
      await page.getByLabel('Schooljaar', { exact: true }).selectOption('2027-2028');
      await page.getByRole('heading', { name: 'Vrije dagen in schooljaar 2027-2028' }).waitFor();
    };
    const upload = async (content: string) => {
      await page.getByLabel('iCalendar-bestand (.ics)').setInputFiles({
        name: 'jaarplanning.ics',
        mimeType: 'text/calendar',
        buffer: Buffer.from(content, 'utf8'),
      });
      await page.getByRole('button', { name: 'Studiedagen importeren' }).click();
    };
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });

    await open();
    await expectAccessible(page);
    await upload(first);
    await page
      .getByText(`Studiedagen van ${school.name} bijgewerkt: 2 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 verwijderd.`)
      .waitFor();
    await row('Studiedag teamscholing').waitFor();
    expect(await row('Studiedag teamscholing').innerText()).toContain('iCalendar');
    await screenshot(page, 'admin-calendar-ical');

    // The same file again changes nothing; a newer version moves one day and cancels the other.
    await upload(first);
    await page
      .getByText(`Studiedagen van ${school.name} bijgewerkt: 0 nieuw, 0 gewijzigd, 2 ongewijzigd, 0 verwijderd.`)
      .waitFor();
    await upload(
      ics([
        event('teamdag', 'Studiedag teamscholing', '20280215', ['SEQUENCE:1']),
        event('rapport', 'Studiedag rapporten', '20280306', ['SEQUENCE:1', 'STATUS:CANCELLED']),
      ]),
    );
    await page
      .getByText(`Studiedagen van ${school.name} bijgewerkt: 0 nieuw, 1 gewijzigd, 0 ongewijzigd, 1 verwijderd.`)
      .waitFor();

    await open();
    await row('Studiedag teamscholing').waitFor();
    expect(await row('Studiedag teamscholing').innerText()).toContain('dinsdag 15 februari');
    expect(await row('Studiedag rapporten').count()).toBe(0);

    // Not a calendar: the page says so.
    await upload('Dit is geen agenda');
    await page.getByRole('alert').waitFor();
  });
});
