import { WEB_URL } from './web-env';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { amsterdamDate, mailTo, screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

/** A weekday at least two days ahead, as YYYY-MM-DD (theme meetings and agenda checks use it). */
function nextWorkday(): string {
  for (let days = 2; ; days += 1) {
    const date = amsterdamDate(days);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      return date;
    }
  }
}

describe('the web app in a real browser', () => {
  let db: DataSource;
  let smtp: SmtpSink;
  let school: School;
  const people: Record<string, Person> = {};
  const day = nextWorkday();
  const bed = new WebTestBed({ mail: true });
  const visitors = bed.visitors;
  const { asPerson, apiCall, expectAccessible } = visitors;

  beforeAll(async () => {
    ({ db, smtp } = await bed.start());
    const make = factory(db);
    school = await make.school();
    const at = (fn: 'teacher' | 'intern_begeleider' | 'werkbegeleider') => [{ schoolId: school.id, function: fn }];
    people.organiser = await make.person({ givenName: 'Olga', memberships: at('intern_begeleider') });
    people.teacher = await make.person({ givenName: 'Tessa', memberships: at('teacher') });
    people.waiting = await make.person({ givenName: 'Wim', memberships: at('teacher') });
    people.coach = await make.person({ givenName: 'Carla', memberships: at('werkbegeleider') });
    people.coachee = await make.person({ givenName: 'Koen', memberships: at('teacher') });
    people.admin = await make.person({ givenName: 'Ada', isAdmin: true, memberships: at('teacher') });
    people.director = await make.person({
      givenName: 'Dirk',
      memberships: [{ schoolId: school.id, function: 'director' }],
    });
  }, 120_000);

  afterAll(() => bed.stop());

  async function themeMeeting(title: string, time: string, overrides: Record<string, unknown> = {}) {
    const start = `${day}T${time}:00+01:00`;
    const end = new Date(Date.parse(start) + 90 * 60_000).toISOString();
    const response = await apiCall(people.organiser, 'POST', '/theme-meetings', {
      title,
      description: 'Samen oefenen met feedback geven in de klas.',
      tags: ['feedback'],
      format: 'on_site',
      schoolId: school.id,
      room: 'Teamkamer',
      capacity: 10,
      sessions: [{ start: new Date(start).toISOString(), end }],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: new Date(start).toISOString(),
      audienceSchoolIds: [school.id],
      hoursCredited: 2,
      offerMode: 'confirm_directly',
      offerHours: 24,
      ...overrides,
    });
    expect(response.status).toBe(201);
    return readJson(response) as Promise<{ id: string; title: string }>;
  }

  it('serves the app at / with a fallback for its own paths, and keeps problem+json 404s under /api', async () => {
    const index = await fetch(`${WEB_URL}/themabijeenkomsten/iets`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<div id="root">');
    const missing = await fetch(`${WEB_URL}/api/v1/bestaat-niet`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const missingAsset = await fetch(`${WEB_URL}/assets/bestaat-niet.js`);
    expect(missingAsset.status).toBe(404);
  });

  it('a teacher signs in through the link in the mail, signs up for a theme meeting and finds it in the agenda', async () => {
    const meeting = await themeMeeting('Feedback geven die werkt', '10:00');
    const page = await visitors.anonymous();

    await page.goto(WEB_URL);
    await page.getByRole('heading', { name: 'Inloggen bij Leerkring' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.getByLabel('E-mailadres').fill(people.teacher.email);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.getByText('is er een inloglink onderweg').waitFor();

    const mail = await mailTo(smtp, people.teacher.email, /./);
    const link = /(http\S+\/api\/v1\/auth\/verify\?token=lkl_[A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')?.[1];
    expect(link?.startsWith(`${WEB_URL}/`)).toBe(true);
    await page.goto(link!);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Mijn agenda' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText('Welkom, Tessa').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Themabijeenkomsten' }).click();
    await page.getByRole('heading', { name: 'Themabijeenkomsten' }).waitFor();
    await page.getByRole('link', { name: meeting.title }).waitFor();
    await page.getByRole('heading', { name: /^Mijn professionaliseringsuren, schooljaar \d{4}-\d{4}$/ }).waitFor();
    expect(await page.locator('.total-hours').textContent()).toBe('0 uur');
    await expectAccessible(page);
    await screenshot(page, 'theme-meetings');

    await page.getByRole('link', { name: meeting.title }).click();
    await page.getByRole('heading', { name: meeting.title }).waitFor();
    await page.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByText('Je bent ingeschreven.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'theme-meeting');

    await page.getByRole('link', { name: 'in mijn agenda' }).click();
    await page.getByRole('heading', { name: 'Mijn agenda' }).waitFor();
    const item = page.locator('.appointment', { hasText: meeting.title });
    await item.waitFor();
    await item.getByText(meeting.title).click(); // opens the details
    await item.getByText('Teamkamer').waitFor();
    expect(await item.getByText('Themabijeenkomst').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'agenda');

    await page.getByRole('button', { name: 'Maand', exact: true }).click();
    const month = page.locator('.month');
    await month.getByText(meeting.title).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agenda-month');
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await item.waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'agenda-phone');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('a waitlisted teacher sees the offer and accepts it through the link in the mail', async () => {
    const meeting = await themeMeeting('Rust in de klas', '13:00', { capacity: 1, offerMode: 'offer' });
    const first = await apiCall(people.teacher, 'POST', `/theme-meetings/${meeting.id}/registrations`, {});
    expect((await readJson(first)).status).toBe('confirmed');

    const page = await asPerson(people.waiting);
    await page.goto(`${WEB_URL}/themabijeenkomsten/${meeting.id}`);
    await page.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByText('Je staat op de wachtlijst, plaats 1.').waitFor();

    const registration = await readJson(
      await apiCall(people.teacher, 'GET', `/theme-meetings/${meeting.id}/registration`),
    );
    const cancelled = await apiCall(
      people.teacher,
      'POST',
      `/theme-meetings/${meeting.id}/registrations/${registration.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);

    await page.reload();
    await page.getByText('Er is een plaats voor je vrij!').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'theme-meeting-offer');

    const mail = await mailTo(smtp, people.waiting.email, /^Er is een plek vrij/);
    const accept = /(http\S+\/api\/v1\/theme-offers\/\S+\?answer=accept)/.exec(mail.parsed.text ?? '')?.[1];
    expect(accept?.startsWith(`${WEB_URL}/`)).toBe(true);
    await page.goto(accept!);
    await page.getByRole('button').click();
    await page.getByText('Je bent ingeschreven voor').waitFor();

    await page.goto(`${WEB_URL}/themabijeenkomsten/${meeting.id}`);
    await page.getByText('Je bent ingeschreven.').waitFor();
    const mine = await readJson(await apiCall(people.waiting, 'GET', `/theme-meetings/${meeting.id}/registration`));
    expect(mine.status).toBe('confirmed');
  });

  it('a coach plans a session from a suggestion in a few clicks and the coachee gets the invitation', async () => {
    const created = await apiCall(people.coach, 'POST', '/coaching/trajectories', {
      coacheePersonId: people.coachee.id,
      schoolId: school.id,
      coachingQuestion: 'Hoe geef ik duidelijke instructie aan groep 5?',
      goals: 'Kortere instructie, meer tijd voor zelfstandig werken.',
      method: 'grow',
      plannedSessions: 4,
      startDate: day,
      status: 'active',
    });
    expect(created.status).toBe(201);
    const trajectory = await readJson(created);

    const page = await asPerson(people.coach);
    await page.goto(WEB_URL);
    await page.getByRole('navigation').getByRole('link', { name: 'Begeleiding' }).click();
    await page.getByRole('link', { name: trajectory.coachingQuestion }).click();
    await page.getByRole('heading', { name: trajectory.coachingQuestion }).waitFor();
    await page.getByLabel('Duur').selectOption('45');
    await page.getByRole('button', { name: 'Zoek vrije tijden' }).click();
    const firstSlot = page.getByRole('button', { name: /^Inplannen:/ }).first();
    await firstSlot.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coaching-plan');
    await firstSlot.click();
    await page.getByText(/^Gepland op/).waitFor();

    const sessions = await readJson(
      await apiCall(people.coach, 'GET', `/coaching/trajectories/${trajectory.id}/sessions`),
    );
    expect(sessions.items).toHaveLength(1);
    expect(Date.parse(sessions.items[0].end) - Date.parse(sessions.items[0].start)).toBe(45 * 60_000);
    // Shared agreements and the confidential note, written by the coach on the session.
    const session = page.locator('.appointment', { hasText: 'Gepland' });
    await session.locator('summary').click();
    await session.getByLabel('Afspraken (gedeeld)').fill('Koen probeert de instructie in tien minuten.');
    await session.getByRole('button', { name: 'Afspraken opslaan' }).click();
    await session.getByText('Opgeslagen').waitFor();
    await session.getByLabel('Vertrouwelijke notitie').fill('Koen twijfelt aan zijn klassenmanagement.');
    await session.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expectAccessible(page);
    const agreements = await readJson(
      await apiCall(people.coach, 'GET', `/coaching/sessions/${sessions.items[0].id}/agreements`),
    );
    expect(agreements.text).toBe('Koen probeert de instructie in tien minuten.');

    const invitation = await mailTo(smtp, people.coachee.email, /^Uitnodiging/);
    expect(invitation.parsed.text).toContain('Carla');
    expect(invitation.raw.toString()).toMatch(/text\/calendar/);

    // The coachee reads both on the trajectory page (the note without being able to change it)...
    const coachee = await asPerson(people.coachee);
    await coachee.goto(`${WEB_URL}/begeleiding/${trajectory.id}`);
    const mySession = coachee.locator('.appointment', { hasText: 'Gepland' });
    await mySession.locator('summary').click();
    const note = mySession.getByLabel('Vertrouwelijke notitie');
    await note.waitFor();
    expect(await mySession.getByLabel('Afspraken (gedeeld)').inputValue()).toBe(
      'Koen probeert de instructie in tien minuten.',
    );
    expect(await note.inputValue()).toBe('Koen twijfelt aan zijn klassenmanagement.');
    expect(await note.getAttribute('readonly')).not.toBeNull();
    expect(await mySession.getByRole('button', { name: 'Notitie opslaan' }).count()).toBe(0);

    // ...and accepts the invitation in the agenda.
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(sessions.items[0].start),
    );
    await coachee.goto(`${WEB_URL}/?datum=${date}`);
    const item = coachee.locator('.appointment', { hasText: 'Coachgesprek' });
    await item.locator('summary').click();
    await item.getByText('Nog niet beantwoord').first().waitFor();
    await item.getByRole('button', { name: 'Accepteren' }).click();
    await item.locator('dd span', { hasText: 'Geaccepteerd' }).waitFor();
    const appointment = await readJson(
      await apiCall(people.coachee, 'GET', `/appointments/${sessions.items[0].appointmentId}`),
    );
    expect(appointment.participants.find((p: { personId: string }) => p.personId === people.coachee.id).rsvp).toBe(
      'accepted',
    );
  });

  it("a director sees the school's coaching sessions per month as a chart (after the coach planned one)", async () => {
    const page = await asPerson(people.director);
    await page.goto(WEB_URL);
    await page.getByRole('navigation').getByRole('link', { name: 'Rapportage' }).click();
    await page.getByRole('heading', { name: 'Coachgesprekken per maand' }).waitFor();
    const chart = page.getByRole('img', { name: /^Coachgesprekken per maand\./ });
    expect(await chart.getAttribute('aria-label')).toMatch(/: 1$/);
    await page.getByText('Als tabel').click();
    await page.getByRole('cell', { name: 'Carla', exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'reports');
  });

  it('saves notification preferences and switches to English', async () => {
    const page = await asPerson(people.coachee);
    await page.goto(`${WEB_URL}/instellingen`);
    const reminders = page.getByLabel('Stuur mij herinneringen voor afspraken per mail');
    await reminders.waitFor();
    expect(await reminders.isChecked()).toBe(true);
    await reminders.uncheck();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'settings');
    const me = await readJson(await apiCall(people.coachee, 'GET', '/me'));
    expect(me.remindersEnabled).toBe(false);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
  });

  it('an admin sees queue health and the audit log', async () => {
    const page = await asPerson(people.admin);
    await page.goto(`${WEB_URL}/beheer`);
    await page.getByRole('heading', { name: 'Wachtrijen' }).waitFor();
    await page.getByRole('heading', { name: 'Auditlog' }).waitFor();
    await page.locator('table').first().locator('tbody tr').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin');
  });
});
