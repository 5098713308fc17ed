import { WEB_URL } from './web-env';
import ICAL from 'ical.js';
import type { DataSource } from 'typeorm';
import { AMSTERDAM, dateInZone, displayName, type Person, type School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import type { ReceivedMail } from '@leerkring/testing/smtp-sink';
import { calendarPart, mailsTo, parseInvite, waitForInvites } from '../appointments/calendar-mail';
import { screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

// Spring 2029, like the other coach page tests: past the school years whose holidays other tests
// import into the same database.
const LESSON_DATE = '2029-03-14';

interface Slot {
  start: string;
  end: string;
}

interface VisitView {
  id: string;
  appointments: Array<{ part: 'pre' | 'visit' | 'debrief'; appointmentId: string; start: string; end: string }>;
}

interface Form {
  isDefault: boolean;
  scale: Array<{ value: number; label: string }>;
  domains: Array<{ key: string; title: string; items: Array<{ key: string; text: string }> }>;
}

/** The LOCATION of a calendar mail's event, as the participant's calendar shows it. */
function locationOf(mail: ReceivedMail): string {
  const event = new ICAL.Component(ICAL.parse(calendarPart(mail))).getFirstSubcomponent('vevent');
  return String(event?.getFirstPropertyValue('location') ?? '');
}

/** How the app writes a date and a time range: Dutch, in Amsterdam ("woensdag 21 maart 2029", "10:00–11:00"). */
function dutchDate(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

function amsterdamTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

describe('moving coaching appointments in a real browser, and a teacher’s observation history', () => {
  let db: DataSource;
  let smtp: SmtpSink;
  let school: School;
  const people: Record<string, Person> = {};
  const bed = new WebTestBed({ mail: true });
  const visitors = bed.visitors;
  const { asPerson, apiCall, expectAccessible } = visitors;
  const name = (person: Person) => displayName(person);

  beforeAll(async () => {
    ({ db, smtp } = await bed.start());
    const make = factory(db);
    school = await make.school();
    const at = (fn: 'teacher' | 'werkbegeleider' | 'starter') => [{ schoolId: school.id, function: fn }];
    people.coach = await make.person({ givenName: 'Carla', memberships: at('werkbegeleider') });
    people.coachee = await make.person({ givenName: 'Koen', memberships: at('starter') });
    people.teacher = await make.person({ givenName: 'Tessa', memberships: at('teacher') });
    people.other = await make.person({ givenName: 'Olaf', memberships: at('teacher') });
  }, 120_000);

  afterAll(() => bed.stop());

  async function icalUid(appointmentId: string): Promise<string> {
    const [row] = await db.query<Array<{ ical_uid: string }>>('SELECT ical_uid FROM appointment WHERE id = ?', [
      appointmentId,
    ]);
    return row.ical_uid;
  }

  /** Waits a moment more, then the invites for this UID to this address: nothing extra may arrive. */
  async function settledInvites(address: string, uid: string, count: number) {
    await waitForInvites(smtp, address, uid, count);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return mailsTo(smtp, address)
      .map((mail) => ({ ...parseInvite(mail), location: locationOf(mail) }))
      .filter((invite) => invite.uid === uid)
      .sort((a, b) => a.sequence - b.sequence);
  }

  async function planVisit(teacher: Person, groupName: string, date: string): Promise<VisitView> {
    const response = await apiCall(people.coach, 'POST', '/coaching/visits', {
      teacherPersonId: teacher.id,
      schoolId: school.id,
      groupName,
      start: `${date}T09:00:00+01:00`,
      end: `${date}T09:45:00+01:00`,
    });
    expect(response.status).toBe(201);
    return readJson(response) as Promise<VisitView>;
  }

  let debriefVisit: VisitView;

  it('a coach moves a planned session: the page shows the new time, the coachee gets one updated invitation', async () => {
    const created = await apiCall(people.coach, 'POST', '/coaching/trajectories', {
      coacheePersonId: people.coachee.id,
      schoolId: school.id,
      coachingQuestion: 'Hoe geef ik een heldere instructie in groep 4?',
      goals: 'Instructie in tien minuten, met een check of iedereen het snapt.',
      method: 'grow',
      plannedSessions: 3,
      startDate: '2029-03-01',
      status: 'active',
    });
    expect(created.status).toBe(201);
    const trajectory = await readJson(created);
    const suggestions = async (from: string, to: string): Promise<Slot[]> =>
      (
        await readJson(
          await apiCall(
            people.coach,
            'GET',
            `/coaching/trajectories/${trajectory.id}/slot-suggestions?from=${from}&to=${to}&duration=60&count=1`,
          ),
        )
      ).items;
    const [first] = await suggestions('2029-03-05', '2029-03-09');
    expect(first).toBeDefined();
    const planned = await apiCall(people.coach, 'POST', `/coaching/trajectories/${trajectory.id}/sessions`, first);
    expect(planned.status).toBe(201);
    const session = await readJson(planned);
    const uid = await icalUid(session.appointmentId);
    // The invitation is out before the move (an invitation not yet sent would go out as its latest state).
    expect((await waitForInvites(smtp, people.coachee.email, uid, 1)).map((i) => `${i.method}:${i.sequence}`)).toEqual([
      'REQUEST:0',
    ]);

    // A free time a fortnight later, on another day.
    const [later] = await suggestions('2029-03-19', '2029-03-23');
    expect(later).toBeDefined();
    const newDate = dateInZone(new Date(later.start), AMSTERDAM);
    expect(newDate).not.toBe(dateInZone(new Date(first.start), AMSTERDAM));

    const page = await asPerson(people.coach);
    await page.goto(`${WEB_URL}/begeleiding/${trajectory.id}`);
    await page.getByRole('heading', { name: trajectory.coachingQuestion }).waitFor();
    const item = page.locator('.appointment').first();
    await item.getByText(dutchDate(first.start)).waitFor();
    await item.locator('summary').first().click();
    await item.getByText('Gesprek verplaatsen').click();
    await item.getByLabel('Nieuwe datum').fill(newDate);
    await item.getByLabel('Nieuwe begintijd').fill(amsterdamTime(later.start));
    await item.getByLabel('Nieuwe eindtijd').fill(amsterdamTime(later.end));
    await item
      .getByText(
        `${name(people.coachee)} krijgt een bijgewerkte agenda-uitnodiging per mail, met de nieuwe tijd en plaats.`,
      )
      .waitFor();
    // The place fields show the current place: the trajectory's school, no room, no link.
    expect(await item.getByLabel('School', { exact: true }).inputValue()).toBe(school.id);
    expect(await item.getByLabel('Lokaal of ruimte').inputValue()).toBe('');
    expect(await item.getByLabel('Onlinelink').inputValue()).toBe('');
    await item.getByLabel('Lokaal of ruimte').fill('Lokaal 12');
    await expectAccessible(page);
    await screenshot(page, 'coaching-move');
    await item.getByRole('button', { name: 'Verplaatsen' }).click();

    // The new time, in Dutch and in Amsterdam time, and the new place, in the notice and on the session itself.
    const range = `${amsterdamTime(later.start)}–${amsterdamTime(later.end)}`;
    expect(dutchDate(later.start)).toMatch(/^(maandag|dinsdag|woensdag|donderdag|vrijdag) \d{1,2} maart 2029$/);
    await item.getByText(`Verplaatst naar ${dutchDate(later.start)}, ${range}, ${school.name}, Lokaal 12.`).waitFor();
    await item.locator('summary').first().getByText(dutchDate(later.start)).waitFor();
    expect(await item.locator('summary').first().textContent()).toContain(`${range}, ${school.name}, Lokaal 12`);
    await expectAccessible(page);

    // After a reload the page still shows it, and so does the API.
    await page.reload();
    await page
      .locator('.appointment summary', { hasText: dutchDate(later.start) })
      .first()
      .waitFor();
    expect(await page.getByText(dutchDate(first.start)).count()).toBe(0);
    const [moved] = (
      await readJson(await apiCall(people.coach, 'GET', `/coaching/trajectories/${trajectory.id}/sessions`))
    ).items;
    expect(moved).toMatchObject({
      start: new Date(later.start).toISOString(),
      version: 1,
      status: 'planned',
      schoolId: school.id,
      room: 'Lokaal 12',
    });

    // Exactly one update mail: METHOD:REQUEST with a higher SEQUENCE, at the new time and in the new room.
    const invites = await settledInvites(people.coachee.email, uid, 2);
    expect(invites.map((invite) => `${invite.method}:${invite.sequence}`)).toEqual(['REQUEST:0', 'REQUEST:1']);
    expect(invites[1].start.toISOString()).toBe(new Date(later.start).toISOString());
    expect(invites[1].end.toISOString()).toBe(new Date(later.end).toISOString());
    expect(invites.map((invite) => invite.location)).toEqual([school.name, `${school.name}, Lokaal 12`]);

    // The coachee sees the new time, and no way to move it.
    const coachee = await asPerson(people.coachee);
    await coachee.goto(`${WEB_URL}/begeleiding/${trajectory.id}`);
    const mine = coachee.locator('.appointment').first();
    await mine.getByText(dutchDate(later.start)).waitFor();
    await mine.locator('summary').first().click();
    await mine.getByLabel('Afspraken (gedeeld)').waitFor();
    expect(await mine.getByText('Gesprek verplaatsen').count()).toBe(0);
  });

  it('a coach moves the debrief of a classroom visit; the teacher gets one updated invitation for it', async () => {
    debriefVisit = await planVisit(people.teacher, 'groep 6', LESSON_DATE);
    const debrief = debriefVisit.appointments.find((appointment) => appointment.part === 'debrief')!;
    const uid = await icalUid(debrief.appointmentId);
    await waitForInvites(smtp, people.teacher.email, uid, 1);

    const page = await asPerson(people.coach);
    await page.goto(`${WEB_URL}/klassenbezoeken/${debriefVisit.id}`);
    await page.getByRole('heading', { name: 'Lesbezoek groep 6' }).waitFor();
    // The three parts can each be moved.
    for (const part of ['Voorgesprek', 'Klassenbezoek', 'Nagesprek']) {
      await page.getByText(`${part} verplaatsen`).waitFor();
    }
    // The lesson itself keeps its school: only its room can change.
    const lesson = page.locator('details', { hasText: 'Klassenbezoek verplaatsen' });
    await lesson.getByText('Klassenbezoek verplaatsen').click();
    await lesson.getByText(`Het lesbezoek blijft op ${school.name}; alleen het lokaal kan anders.`).waitFor();
    expect(await lesson.getByLabel('School', { exact: true }).count()).toBe(0);
    await lesson.getByLabel('Lokaal of ruimte').waitFor();
    const form = page.locator('details', { hasText: 'Nagesprek verplaatsen' });
    await form.getByText('Nagesprek verplaatsen').click();
    await form.getByLabel('Nieuwe datum').fill('2029-03-16');
    await form.getByLabel('Nieuwe begintijd').fill('13:15');
    await form.getByLabel('Nieuwe eindtijd').fill('13:45');
    await form.getByLabel('Ook plannen als iemand dan niet werkt').check();
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Verplaatsen' }).click();
    await page.getByText('Verplaatst naar vrijdag 16 maart 2029, 13:15–13:45.').waitFor();
    await page.locator('.appointments li', { hasText: /^Nagesprek: vrijdag 16 maart 2029, 13:15–13:45/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'visit-move');

    // A debrief before the lesson is refused, and the page says so.
    const again = page.locator('details', { hasText: 'Nagesprek verplaatsen' });
    await again.getByText('Nagesprek verplaatsen').click();
    await again.getByLabel('Nieuwe datum').fill('2029-03-13');
    await again.getByLabel('Ook plannen als iemand dan niet werkt').check();
    await again.getByRole('button', { name: 'Verplaatsen' }).click();
    await again.getByRole('alert').getByText('Choose a time that keeps the order', { exact: false }).waitFor();

    await page.reload();
    await page.locator('.appointments li', { hasText: /^Nagesprek: vrijdag 16 maart 2029, 13:15–13:45/ }).waitFor();
    const invites = await settledInvites(people.teacher.email, uid, 2);
    expect(invites.map((invite) => `${invite.method}:${invite.sequence}`)).toEqual(['REQUEST:0', 'REQUEST:1']);
    expect(invites[1].start.toISOString()).toBe('2029-03-16T12:15:00.000Z');

    // The teacher sees the new time but cannot move anything.
    const teacher = await asPerson(people.teacher);
    await teacher.goto(`${WEB_URL}/klassenbezoeken/${debriefVisit.id}`);
    await teacher.locator('.appointments li', { hasText: /^Nagesprek: vrijdag 16 maart 2029, 13:15–13:45/ }).waitFor();
    expect(await teacher.getByText('Nagesprek verplaatsen').count()).toBe(0);
  });

  it('a teacher reads their shared observations, newest first, and never another teacher’s', async () => {
    expect(debriefVisit).toBeDefined();
    const forms = (await readJson(await apiCall(people.coach, 'GET', '/coaching/forms'))) as Form[];
    const form = forms.find((candidate) => candidate.isDefault)!;
    const top = Math.max(...form.scale.map((step) => step.value));
    const [firstDomain, secondDomain] = form.domains;
    const observe = async (visit: VisitView, comment: string, shared: boolean) => {
      const put = await apiCall(people.coach, 'PUT', `/coaching/visits/${visit.id}/observation`, {
        answers: firstDomain.items.map((item) => ({ itemKey: item.key, score: top, comment: '' })),
        overallComment: comment,
      });
      expect(put.status).toBe(200);
      if (shared) {
        const held = await apiCall(people.coach, 'POST', `/coaching/visits/${visit.id}/debrief-held`);
        expect(held.status).toBe(200);
      }
    };
    const april = await planVisit(people.teacher, 'groep 7', '2029-04-11');
    const notYet = await planVisit(people.teacher, 'groep 8', '2029-05-16');
    const othersVisit = await planVisit(people.other, 'groep 3', '2029-03-21');
    await observe(debriefVisit, 'Maart: rustige start.', true);
    await observe(april, 'April: sterke instructie.', true);
    await observe(notYet, 'Mei: nog niet besproken.', false);
    await observe(othersVisit, 'Olaf: niet voor Tessa.', true);

    const page = await asPerson(people.teacher);
    await page.goto(`${WEB_URL}/klassenbezoeken`);
    await page.getByRole('heading', { name: 'Mijn klassenbezoeken' }).waitFor();
    await page.getByRole('link', { name: 'Mijn observaties' }).click();
    await page.getByRole('heading', { name: 'Mijn observaties' }).waitFor();
    const cards = page.locator('.observation-history > li');
    await cards.first().waitFor();
    // Only the two shared ones of this teacher, the newest lesson first.
    expect(await cards.locator('h2').allTextContents()).toEqual(['Lesbezoek groep 7', 'Lesbezoek groep 6']);
    await cards
      .first()
      .getByText(`woensdag 11 april 2029, geobserveerd door ${name(people.coach)}`, { exact: false })
      .waitFor();
    const averages = cards.first().locator('dl > div');
    await averages.filter({ hasText: firstDomain.title }).getByText(String(top), { exact: true }).waitFor();
    await averages.filter({ hasText: secondDomain.title }).getByText('geen score').waitFor();
    expect(await page.getByText('groep 8').count()).toBe(0);
    expect(await page.getByText('groep 3').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'observation-history');

    // Each entry leads to the visit, where the observation is readable.
    await cards.nth(1).getByRole('link', { name: 'Lesbezoek groep 6' }).click();
    await page.getByRole('heading', { name: 'Lesbezoek groep 6' }).waitFor();
    await page.getByText('Maart: rustige start.').waitFor();
    await expectAccessible(page);

    // The other teacher's history holds only their own; Tessa's is not theirs to read.
    const other = await asPerson(people.other);
    await other.goto(`${WEB_URL}/klassenbezoeken/observaties`);
    await other.getByRole('heading', { name: 'Mijn observaties' }).waitFor();
    await other.locator('.observation-history > li h2', { hasText: 'Lesbezoek groep 3' }).waitFor();
    expect(await other.getByText('groep 6').count()).toBe(0);
    expect(await other.getByText('groep 7').count()).toBe(0);
    const theirs = await apiCall(people.other, 'GET', `/coaching/teachers/${people.teacher.id}/observation-history`);
    expect(theirs.status).toBe(404);
    // Nor does the coach read a teacher's history here (only the teacher and admins).
    const coachReads = await apiCall(
      people.coach,
      'GET',
      `/coaching/teachers/${people.teacher.id}/observation-history`,
    );
    expect(coachReads.status).toBe(404);
  });
});
