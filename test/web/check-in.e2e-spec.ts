import { WEB_URL } from './web-env';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';
import { screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

const MINUTE = 60_000;

/**
 * The QR code at the venue of a theme meeting leads to the web app's check-in page: a signed-in
 * participant confirms with one button, or types the code; the organiser's attendance shows it.
 */
describe('checking in at a theme meeting in a real browser', () => {
  let db: DataSource;
  let school: School;
  const people: Record<string, Person> = {};
  const bed = new WebTestBed();
  const visitors = bed.visitors;
  const { asPerson, apiCall, expectAccessible } = visitors;

  beforeAll(async () => {
    ({ db } = await bed.start());
    const make = factory(db);
    school = await make.school();
    const at = (fn: 'teacher' | 'intern_begeleider') => [{ schoolId: school.id, function: fn }];
    people.organiser = await make.person({ givenName: 'Olga', memberships: at('intern_begeleider') });
    people.anna = await make.person({ givenName: 'Anna', memberships: at('teacher') });
    people.bram = await make.person({ givenName: 'Bram', memberships: at('teacher') });
  }, 120_000);

  afterAll(() => bed.stop());

  it('the QR code link checks a participant in with one button; a typed wrong code is refused', async () => {
    const slot = uniqueSlot(90);
    const created = await apiCall(people.organiser, 'POST', '/theme-meetings', {
      title: `Coöperatief leren ${Date.now()}`,
      format: 'on_site',
      schoolId: school.id,
      room: 'Aula',
      capacity: 10,
      hoursCredited: 2,
      sessions: [slot],
      registrationOpensAt: new Date(Date.now() - MINUTE).toISOString(),
      registrationClosesAt: slot.start,
    });
    expect(created.status).toBe(201);
    const meeting = await readJson(created);
    for (const person of [people.anna, people.bram]) {
      const signedUp = await apiCall(person, 'POST', `/theme-meetings/${meeting.id}/registrations`, {});
      expect((await readJson(signedUp)).status).toBe('confirmed');
    }
    // The meeting is on now (nobody can plan in the past, so by SQL).
    const startsAt = new Date(Date.now() - 10 * MINUTE);
    const endsAt = new Date(Date.now() + 80 * MINUTE);
    await db.query('UPDATE theme_meeting_session SET starts_at = ?, ends_at = ? WHERE meeting_id = ?', [
      startsAt,
      endsAt,
      meeting.id,
    ]);
    await db.query('UPDATE theme_meeting SET starts_at = ?, ends_at = ? WHERE id = ?', [startsAt, endsAt, meeting.id]);
    const detail = await readJson(await apiCall(people.organiser, 'GET', `/theme-meetings/${meeting.id}`));
    const [session] = detail.sessions;
    const link = new URL(session.checkInUrl);
    expect(link.origin).toBe(WEB_URL);
    expect(link.pathname).toBe(`/themabijeenkomsten/${meeting.id}/inchecken`);

    // Anna scans the QR code: the page names the meeting and the session, one button checks her in.
    const anna = await asPerson(people.anna);
    await anna.goto(link.toString());
    await anna.getByRole('heading', { name: 'Inchecken' }).waitFor();
    await anna.getByText(meeting.title).waitFor();
    expect(await anna.getByLabel('Code').inputValue()).toBe(session.checkInCode);
    await expectAccessible(anna);
    await screenshot(anna, 'check-in');
    await anna.getByRole('button', { name: 'Ik ben er' }).click();
    await anna.getByRole('status').filter({ hasText: 'Je bent aanwezig gemeld' }).waitFor();
    expect(await anna.getByRole('status').textContent()).toContain('2 uur');

    // Bram has no QR code: he opens the page without the code and types a wrong one first.
    const bram = await asPerson(people.bram);
    await bram.goto(`${WEB_URL}/themabijeenkomsten/${meeting.id}/inchecken?sessie=${session.id}`);
    await bram.getByRole('heading', { name: 'Inchecken' }).waitFor();
    const wrong = session.checkInCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    await bram.getByLabel('Code').fill(wrong);
    await bram.getByRole('button', { name: 'Ik ben er' }).click();
    await bram.getByRole('alert').waitFor();
    expect(await bram.getByRole('alert').textContent()).toMatch(/code/i);

    // The organiser's attendance: Anna present (by her check-in), Bram not marked.
    const attendance = await readJson(
      await apiCall(people.organiser, 'GET', `/theme-meetings/${meeting.id}/sessions/${session.id}/attendance`),
    );
    const byPerson = new Map(attendance.items.map((item: { personId: string }) => [item.personId, item]));
    expect(byPerson.get(people.anna.id)).toMatchObject({ present: true, source: 'check_in' });
    expect(byPerson.get(people.bram.id)).toMatchObject({ present: null });
  }, 90_000);
});
