import { WEB_URL } from './web-env';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { amsterdamDate, screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

/** The school year ("2026-2027") an instant falls in, in Amsterdam. */
function schoolYearAt(instant: Date): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(instant);
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

describe('organiser, director and admin pages in a real browser', () => {
  let db: DataSource;
  let school: School;
  const people: Record<string, Person> = {};
  const bed = new WebTestBed();
  const visitors = bed.visitors;
  const { asPerson, apiCall, expectAccessible } = visitors;
  const run = Math.random().toString(36).slice(2, 8);
  let day: string;

  beforeAll(async () => {
    ({ db } = await bed.start());
    const make = factory(db);
    school = await make.school({ name: `Basisschool De Linde ${run}` });
    const at = (fn: 'teacher' | 'intern_begeleider' | 'werkbegeleider' | 'director') => [
      { schoolId: school.id, function: fn },
    ];
    people.organiser = await make.person({ givenName: 'Olga', memberships: at('intern_begeleider') });
    people.tessa = await make.person({ givenName: 'Tessa', memberships: at('teacher') });
    people.bram = await make.person({ givenName: 'Bram', memberships: at('teacher') });
    people.wim = await make.person({ givenName: 'Wim', memberships: at('teacher') });
    people.coach = await make.person({ givenName: 'Carla', memberships: at('werkbegeleider') });
    people.coachee = await make.person({ givenName: 'Koen', memberships: at('teacher') });
    people.director = await make.person({ givenName: 'Dirk', memberships: at('director') });
    people.admin = await make.person({ givenName: 'Ada', isAdmin: true, memberships: at('teacher') });
    day = await openWorkday(school.id, people.admin);
  }, 120_000);

  afterAll(() => bed.stop());

  /** A weekday at least two days ahead on which the school is open (holidays may be imported). */
  async function openWorkday(schoolId: string, admin: Person): Promise<string> {
    for (let days = 2; ; days += 1) {
      const date = amsterdamDate(days);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) {
        continue;
      }
      const closed = await readJson(await apiCall(admin, 'GET', `/schools/${schoolId}/closed?date=${date}`));
      if (!closed.closed) {
        return date;
      }
    }
  }

  const title = `Rekenen met begrip ${run}`;
  let meetingId: string;
  let sessionEnd: Date;

  it('an organiser creates a theme meeting in the form and sees who signed up and who waits', async () => {
    const page = await asPerson(people.organiser);
    await page.goto(WEB_URL);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organiseren' }).click();
    await page.getByRole('heading', { name: 'Themabijeenkomsten die ik organiseer' }).waitFor();
    await page.getByText('Je organiseert nog geen themabijeenkomsten.').waitFor();
    await page.getByRole('link', { name: 'Nieuwe themabijeenkomst' }).click();
    await page.getByRole('heading', { name: 'Nieuwe themabijeenkomst' }).waitFor();

    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Beschrijving').fill('Hoe leg je breuken uit zonder trucjes?');
    await page.getByLabel('Thema’s (gescheiden door komma’s)').fill('rekenen, groep 5');
    await page.getByLabel('Vorm').selectOption('on_site');
    await page.getByLabel('School waar het plaatsvindt').selectOption({ label: school.name });
    await page.getByLabel('Lokaal of ruimte').fill('Teamkamer');
    await page.getByLabel('Aantal plaatsen').fill('2');
    await page.getByLabel('Datum', { exact: true }).fill(day);
    await page.getByLabel('Begintijd').fill('15:30');
    await page.getByLabel('Eindtijd').fill('17:00');
    await page.getByLabel('Inschrijven sluit op', { exact: true }).fill(day);
    await page.getByLabel('Inschrijven sluit op (om)').fill('12:00');
    await page.getByLabel(school.name).check();
    await page.getByLabel('Professionaliseringsuren').fill('1,5');
    await expectAccessible(page);
    await screenshot(page, 'organiser-new-meeting');
    await page.getByRole('button', { name: 'Themabijeenkomst aanmaken' }).click();

    await page.getByRole('heading', { name: title }).waitFor();
    meetingId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await readJson(await apiCall(people.organiser, 'GET', `/theme-meetings/${meetingId}`));
    expect(stored.audienceSchoolIds).toEqual([school.id]);
    expect(stored.hoursCredited).toBe(1.5);
    expect(stored.sessions[0].start).toBe(new Date(`${day}T15:30:00${offsetOf(day)}`).toISOString());

    for (const person of [people.tessa, people.bram, people.wim]) {
      const response = await apiCall(person, 'POST', `/theme-meetings/${meetingId}/registrations`, {});
      expect(response.status).toBe(201);
    }
    await page.reload();
    const registrations = page.getByRole('region', { name: 'Inschrijvingen' });
    await registrations.getByRole('heading', { name: 'Ingeschreven (2)' }).waitFor();
    await registrations.getByRole('heading', { name: 'Wachtlijst (1)' }).waitFor();
    await registrations.getByRole('rowheader', { name: nameOf(people.wim) }).waitFor();
    expect(await registrations.getByRole('rowheader', { name: nameOf(people.tessa) }).count()).toBe(1);
    expect(await registrations.getByRole('row', { name: new RegExp(nameOf(people.wim)) }).textContent()).toContain(
      school.name,
    );
    await page.getByText('2 van 2 plaatsen bezet · 1 op de wachtlijst').waitFor();
    await expectAccessible(page);

    // One more seat: the first on the waitlist is signed up at once.
    await page.getByText('Wijzigen', { exact: true }).click();
    await page.getByLabel('Aantal plaatsen').fill('3');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    await page.reload();
    await registrations.getByRole('heading', { name: 'Ingeschreven (3)' }).waitFor();
    await registrations.getByRole('heading', { name: 'Wachtlijst (0)' }).waitFor();

    await page.getByRole('link', { name: /Themabijeenkomsten die ik organiseer/ }).click();
    const card = page.locator('.card', { hasText: title });
    await card.getByText('3 van 3 plaatsen bezet').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'organiser-meetings');
  });

  it('the organiser marks attendance once the session has begun and reads the evaluations', async () => {
    // Nobody can plan in the past: the session is moved there by SQL, as if time had passed.
    const start = new Date(Date.now() - 3 * 3_600_000);
    sessionEnd = new Date(Date.now() - 90 * 60_000);
    await db.query('UPDATE theme_meeting_session SET starts_at = ?, ends_at = ? WHERE meeting_id = ?', [
      start,
      sessionEnd,
      meetingId,
    ]);
    await db.query('UPDATE theme_meeting SET starts_at = ?, ends_at = ? WHERE id = ?', [start, sessionEnd, meetingId]);

    const page = await asPerson(people.organiser);
    await page.goto(`${WEB_URL}/organiseren/${meetingId}`);
    const attendance = page.getByRole('region', { name: 'Aanwezigheid' });
    await attendance.getByText('0 van 3 aanwezig').waitFor();
    await attendance.getByText(/^Code om in te checken: [A-Z0-9]+$/).waitFor();
    await attendance.getByLabel(nameOf(people.tessa)).selectOption('present');
    await attendance.getByLabel(nameOf(people.bram)).selectOption('present');
    await attendance.getByLabel(nameOf(people.wim)).selectOption('absent');
    await attendance.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await attendance.getByText('Aanwezigheid opgeslagen.').waitFor();
    await attendance.getByText('2 van 3 aanwezig').waitFor();

    for (const [person, score, comment] of [
      [people.tessa, 5, 'Eindelijk snap ik breuken.'],
      [people.bram, 4, 'Graag een vervolg.'],
    ] as const) {
      const response = await apiCall(person, 'POST', `/theme-meetings/${meetingId}/evaluation`, { score, comment });
      expect(response.status).toBe(200);
    }
    await page.reload();
    await attendance.getByText('2 van 3 aanwezig').waitFor();
    expect(await attendance.getByLabel(nameOf(people.wim)).inputValue()).toBe('absent');
    const evaluation = page.getByRole('region', { name: 'Evaluatie' });
    await evaluation.getByText('2 deelnemers gaven gemiddeld 4,5 (op een schaal van 1 tot 5).').waitFor();
    await evaluation.getByText('Eindelijk snap ik breuken.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'organiser-meeting');

    const hours = await readJson(
      await apiCall(people.tessa, 'GET', `/me/professional-development?schoolYear=${schoolYearAt(start)}`),
    );
    expect(hours.totalHours).toBe(1.5);
  });

  it('a director sees who coaches whom, what is planned and theme meeting attendance at the school', async () => {
    const created = await apiCall(people.coach, 'POST', '/coaching/trajectories', {
      coacheePersonId: people.coachee.id,
      schoolId: school.id,
      coachingQuestion: 'Hoe houd ik de instructie kort?',
      goals: 'Instructie van hooguit tien minuten.',
      method: 'grow',
      plannedSessions: 5,
      startDate: amsterdamDate(0),
      status: 'active',
    });
    expect(created.status).toBe(201);
    const trajectory = await readJson(created);
    const suggestions = await readJson(
      await apiCall(
        people.coach,
        'GET',
        `/coaching/trajectories/${trajectory.id}/slot-suggestions?duration=45&count=1`,
      ),
    );
    const planned = await apiCall(people.coach, 'POST', `/coaching/trajectories/${trajectory.id}/sessions`, {
      start: suggestions.items[0].start,
      end: suggestions.items[0].end,
    });
    expect(planned.status).toBe(201);

    const page = await asPerson(people.director);
    await page.goto(WEB_URL);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Planning' }).click();
    await page.getByRole('heading', { name: 'Planning', exact: true }).waitFor();
    const who = page.getByRole('region', { name: 'Wie begeleidt wie' });
    const row = who.getByRole('row', { name: new RegExp(nameOf(people.coachee)) });
    await row.waitFor();
    expect(await row.textContent()).toContain(nameOf(people.coach));
    expect(await row.textContent()).toContain('0 van 5 gehouden');
    expect(await page.getByText('Hoe houd ik de instructie kort?').count()).toBe(0);
    const upcoming = page.getByRole('region', { name: 'Gepland in de komende vier weken' });
    const session = upcoming.getByRole('row', { name: new RegExp(`Coachgesprek.*${nameOf(people.coachee)}`) });
    // The page shows the coming four weeks: the session is listed exactly when it falls within them
    // (the first free time may lie further ahead, e.g. in a long school holiday).
    if (Date.parse(suggestions.items[0].start) < Date.now() + 28 * 86_400_000) {
      await session.waitFor();
    } else {
      await upcoming.waitFor();
      expect(await session.count()).toBe(0);
    }

    const attendance = page.getByRole('region', { name: 'Themabijeenkomsten: aanwezigheid per school' });
    await attendance.getByLabel('Schooljaar').selectOption(schoolYearAt(sessionEnd));
    const chart = attendance.getByRole('img', { name: /^Themabijeenkomsten: aanwezigheid per school/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain(`${school.name}: ingeschreven 3, aanwezig geweest 2`);
    await attendance.getByText('Als tabel').click();
    const line = attendance.getByRole('row', { name: new RegExp(school.name) });
    expect((await line.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['3', '2', '3']);
    await expectAccessible(page);
    await screenshot(page, 'director-planning');
  });

  it('an admin adds a school, finds people, imports staff after a check, and adds a study day', async () => {
    const page = await asPerson(people.admin);
    await page.goto(`${WEB_URL}/beheer`);
    const sections = page.getByRole('navigation', { name: 'Onderdelen van beheer' });
    await sections.getByRole('link', { name: 'Scholen' }).click();
    await page.getByRole('heading', { name: 'Scholen', exact: true }).waitFor();
    const newSchool = `OBS De Kastanje ${run}`;
    const brin = `${String(10 + Math.floor(Math.random() * 90))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}Z`;
    await page.getByLabel('Naam van de school').fill(newSchool);
    await page.getByLabel('BRIN').fill(brin);
    await page.getByLabel('Vakantieregio').selectOption('south');
    await page.getByLabel('Plaats', { exact: true }).fill('Eindhoven');
    await page.getByRole('button', { name: 'School toevoegen' }).click();
    await page.getByText(`${newSchool} is toegevoegd.`).waitFor();
    await page.reload();
    const schoolRow = page.getByRole('row', { name: new RegExp(newSchool) });
    await schoolRow.waitFor();
    expect(await schoolRow.textContent()).toContain('Zuid');
    await expectAccessible(page);
    await screenshot(page, 'admin-schools');

    await sections.getByRole('link', { name: 'Personen' }).click();
    await page.getByLabel('Zoek op naam of e-mailadres').fill(`Tessa ${people.tessa.familyName}`);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const tessa = page.getByRole('row', { name: new RegExp(nameOf(people.tessa)) });
    await until(async () => (await page.locator('tbody tr').count()) === 1); // the search answered
    await tessa.waitFor();
    expect(await tessa.textContent()).toContain(`${school.name}: leraar`);
    await expectAccessible(page);
    await screenshot(page, 'admin-people');
    await page.getByLabel('Zoek op naam of e-mailadres').fill(`niemand-${run}`);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Niemand gevonden.').waitFor();

    await sections.getByRole('link', { name: 'Personeel importeren' }).click();
    const email = `nina.${run}@example.org`;
    const csv = `E-mailadres;Roepnaam;Tussenvoegsel;Achternaam;Functie;BRIN\r\n${email};Nina;de;Vries ${run};leerkracht;${brin}\r\nkapot;Piet;;Jansen;leerkracht;${brin}\r\n`;
    await page
      .getByLabel('CSV-bestand')
      .setInputFiles({ name: 'personeel.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    expect(await page.getByLabel('Alleen controleren (er verandert nog niets)').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Bestand verwerken' }).click();
    const result = page.getByRole('region', { name: /^Controle/ });
    await result.waitFor();
    expect(await result.locator('dt:text-is("Nieuw") + dd').textContent()).toBe('1');
    await result.getByRole('cell', { name: '3', exact: true }).waitFor(); // the line of the bad email
    await result.getByText(`${email} — nieuw`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-import');
    expect(
      (await readJson(await apiCall(people.admin, 'GET', `/people?q=${encodeURIComponent(email)}`))).items,
    ).toEqual([]);

    await page.getByLabel('Alleen controleren (er verandert nog niets)').uncheck();
    await page.getByRole('button', { name: 'Bestand verwerken' }).click();
    await page.getByRole('heading', { name: 'De import is uitgevoerd' }).waitFor();
    await sections.getByRole('link', { name: 'Personen' }).click();
    await page.getByLabel('Zoek op naam of e-mailadres').fill(email);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('row', { name: new RegExp(`Nina de Vries ${run}`) }).waitFor();

    await sections.getByRole('link', { name: 'Schoolkalender' }).click();
    await page.getByLabel('School', { exact: true }).selectOption({ label: newSchool });
    const year = schoolYearAt(new Date());
    await page.getByLabel('Schooljaar', { exact: true }).selectOption(year);
    const studyDay = amsterdamDate(30);
    await page.getByLabel('Omschrijving').fill(`Studiedag team ${run}`);
    await page.getByLabel('Van', { exact: true }).fill(studyDay);
    await page.getByRole('button', { name: 'Studiedag toevoegen' }).click();
    await page.getByText(`Studiedag team ${run} is toegevoegd.`).waitFor();
    await page.reload();
    await page.getByLabel('School', { exact: true }).selectOption({ label: newSchool });
    await page.getByLabel('Schooljaar', { exact: true }).selectOption(schoolYearAt(new Date(`${studyDay}T12:00:00Z`)));
    const closure = page.getByRole('row', { name: new RegExp(`Studiedag team ${run}`) });
    await closure.waitFor();
    expect(await closure.textContent()).toContain('met de hand');
    await expectAccessible(page);
    await screenshot(page, 'admin-calendar');
    await closure.getByRole('button', { name: `Studiedag team ${run} verwijderen` }).click();
    await closure.waitFor({ state: 'detached' });
  });
});

/** Polls until the condition holds (10 s at most). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`not true after 10 s: ${condition.toString()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The name as the app writes it: "Tessa van Persoon 1a2b". */
function nameOf(person: Person): string {
  return [person.givenName, person.familyNamePrefix, person.familyName].filter(Boolean).join(' ');
}

/** Amsterdam's UTC offset on a date ("+01:00" or "+02:00"). */
function offsetOf(date: string): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  return name?.replace('GMT', '') || '+00:00';
}
