import { WEB_URL } from './web-env';
import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { displayName, type Person, type School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink, type ReceivedMail } from '@leerkring/testing/smtp-sink';
import { screenshot } from './browser';
import { intervisionSeries } from './intervision-series';
import { WebTestBed } from './web-test-bed';

interface Meeting {
  id: string;
  appointmentId: string;
  calendarUid: string;
  date: string;
  start: string;
}

describe('intervision actions in a real browser: members, presenters, moving and cancelling a meeting, attendance', () => {
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
    const at = (fn: 'teacher' | 'werkbegeleider') => [{ schoolId: school.id, function: fn }];
    people.coach = await make.person({ givenName: 'Floor', memberships: at('werkbegeleider') });
    people.first = await make.person({ givenName: 'Bram', memberships: at('teacher') });
    people.second = await make.person({ givenName: 'Sanne', memberships: at('teacher') });
    people.third = await make.person({ givenName: 'Joost', memberships: at('teacher') });
    people.newcomer = await make.person({ givenName: 'Nadia', memberships: at('teacher') });
    people.outsider = await make.person({ givenName: 'Olaf', memberships: at('teacher') });
  }, 120_000);

  afterAll(() => bed.stop());

  /** The mails to this address that carry this calendar entry and match the subject. */
  const mailsFor = (person: Person, uid: string, subject: RegExp): ReceivedMail[] =>
    smtp.received.filter(
      (mail) =>
        mail.envelopeTo.includes(person.email) &&
        subject.test(mail.parsed.subject ?? '') &&
        mail.raw.toString().includes(`UID:${uid}`),
    );

  /** Waits until every one of these people has at least one such mail; gives them back. */
  async function waitForMails(persons: Person[], uid: string, subject: RegExp): Promise<ReceivedMail[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = persons.map((person) => mailsFor(person, uid, subject));
      if (found.every((mails) => mails.length > 0)) {
        return found.flat();
      }
      if (Date.now() > deadline) {
        throw new Error(
          `not every one got a mail ${subject} for ${uid}; got: ${smtp.received.map((m) => `${m.envelopeTo.join(',')}: ${m.parsed.subject}`).join('; ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const meetingItem = (page: Page, date: RegExp | string) => page.locator('.appointments > li', { hasText: date });

  it('a coach starts a group from the groups list and finds it there', async () => {
    const page = await asPerson(people.coach);
    await page.goto(`${WEB_URL}/intervisie`);
    await page.getByRole('heading', { name: 'Nieuwe intervisiegroep starten' }).waitFor();
    await page.getByLabel('Naam van de groep').fill('Intervisie starters Oost');
    await page.getByLabel('Methodiek').selectOption({ label: 'Incidentmethode' });
    await page.getByLabel('School waar de groep samenkomt').selectOption({ label: school.name });
    await page.getByLabel('Lokaal').fill('Teamkamer');
    await page.getByLabel('Dan schuift hij op naar de volgende schooldag').check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Groep starten' }).click();
    await page.getByText('Groep “Intervisie starters Oost” is gestart.').waitFor();

    await page.getByRole('link', { name: 'Naar de groep' }).click();
    await page.getByRole('heading', { name: 'Intervisie starters Oost', level: 1 }).waitFor();
    await page.locator('dd', { hasText: name(people.coach) }).waitFor();
    await page.locator('dd', { hasText: 'Teamkamer' }).waitFor();

    await page.goto(`${WEB_URL}/intervisie`);
    await page.locator('.card', { hasText: 'Intervisie starters Oost' }).getByText('Jij begeleidt').waitFor();
    const groups = await readJson(await apiCall(people.coach, 'GET', '/intervision/groups'));
    const started = groups.items.find((group: { name: string }) => group.name === 'Intervisie starters Oost');
    const detail = await readJson(await apiCall(people.coach, 'GET', `/intervision/groups/${started.id}`));
    expect(detail).toMatchObject({
      schoolId: school.id,
      room: 'Teamkamer',
      closurePolicy: 'shift',
      method: 'incident',
    });
  });

  it('the facilitator adds a member, swaps presenters, moves one meeting and cancels another; members are mailed; a member sees the attendance, a non-member nothing', async () => {
    const members = [people.first, people.second, people.third];
    const { group, meetings: planned } = await intervisionSeries<Meeting>(apiCall, people.coach, {
      name: 'Intervisie bovenbouw',
      schoolId: school.id,
      room: 'Lokaal 12',
      members,
    });
    expect(planned.map((meeting) => meeting.date)).toEqual(['2029-03-06', '2029-03-20', '2029-04-03', '2029-04-17']);
    const [held, swapA, moving, swapB] = planned;
    for (const [meeting, presenter] of [
      [swapA, people.first],
      [swapB, people.second],
    ] as const) {
      const named = await apiCall(people.coach, 'PUT', `/intervision/meetings/${meeting.id}/case-presenter`, {
        personId: presenter.id,
      });
      expect(named.status).toBe(200);
    }
    // The first meeting has taken place (yesterday afternoon) and the facilitator recorded it.
    const start = new Date(Date.now() - 86_400_000);
    await db.query('UPDATE appointment SET starts_at = ?, ends_at = ? WHERE id = ?', [
      start,
      new Date(start.getTime() + 90 * 60_000),
      held.appointmentId,
    ]);
    const recorded = await apiCall(people.coach, 'PUT', `/intervision/meetings/${held.id}/attendance`, {
      items: [
        { personId: people.first.id, status: 'present' },
        { personId: people.second.id, status: 'excused' },
        { personId: people.third.id, status: 'absent' },
      ],
    });
    expect(recorded.status).toBe(200);

    const page = await asPerson(people.coach);
    await page.goto(`${WEB_URL}/intervisie/${group.id}`);
    await page.getByRole('heading', { name: 'Intervisie bovenbouw', level: 1 }).waitFor();

    // Adding a member: found by name, invited to the three meetings still to come.
    const manage = page.getByRole('region', { name: 'Leden toevoegen en verwijderen' });
    await manage.getByLabel('Zoek een collega op naam of e-mailadres').fill('Nadia');
    await manage.getByRole('button', { name: 'Zoeken' }).click();
    await manage.getByRole('button', { name: `${name(people.newcomer)} toevoegen` }).click();
    await manage
      .getByText(`${name(people.newcomer)} is toegevoegd en uitgenodigd voor 3 komende bijeenkomst(en).`)
      .waitFor();
    await page.locator('dl.facts dd li', { hasText: name(people.newcomer) }).waitFor();
    for (const meeting of [swapA, moving, swapB]) {
      const [invitation] = await waitForMails([people.newcomer], meeting.calendarUid, /^Uitnodiging: /);
      expect(invitation.raw.toString()).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
      expect(invitation.raw.toString()).toContain('METHOD:REQUEST');
    }
    // Nothing for the meeting that already took place.
    expect(mailsFor(people.newcomer, held.calendarUid, /./)).toEqual([]);

    // Searching for someone already in the group finds nobody to add.
    await manage.getByLabel('Zoek een collega op naam of e-mailadres').fill('Bram');
    await manage.getByRole('button', { name: 'Zoeken' }).click();
    await manage.getByText('Niemand gevonden die je kunt toevoegen.').waitFor();

    // Swapping the presenters of 20 March and 17 April.
    const swap = page.getByRole('region', { name: 'Inbrengers ruilen' });
    await swap.getByLabel('Eerste bijeenkomst').selectOption({ label: `dinsdag 20 maart (${name(people.first)})` });
    await swap.getByLabel('Tweede bijeenkomst').selectOption({ label: `dinsdag 17 april (${name(people.second)})` });
    await swap.getByRole('button', { name: 'Ruilen' }).click();
    await swap
      .getByText(`Geruild. dinsdag 20 maart: ${name(people.second)}. dinsdag 17 april: ${name(people.first)}.`)
      .waitFor();
    await meetingItem(page, 'dinsdag 20 maart 2029')
      .getByText(`Inbrenger: ${name(people.second)}`)
      .waitFor();
    await meetingItem(page, 'dinsdag 17 april 2029')
      .getByText(`Inbrenger: ${name(people.first)}`)
      .waitFor();

    // Moving 3 April: onto a Saturday is refused in Dutch, to Wednesday 4 April it goes.
    const third = meetingItem(page, 'dinsdag 3 april 2029');
    await third.getByText('Verplaatsen of annuleren').click();
    await third.getByLabel('Nieuwe datum').fill('2029-04-07');
    await third.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await third
      .getByRole('alert')
      .getByText('Op die dag is een school van een van de leden dicht (vakantie, studiedag of weekend).', {
        exact: false,
      })
      .waitFor();
    await expectAccessible(page);
    await third.getByLabel('Nieuwe datum').fill('2029-04-04');
    await third.getByLabel('Nieuwe begintijd').fill('16:00');
    await third.getByLabel('Nieuwe eindtijd').fill('17:30');
    await third.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await page.getByText('Verplaatst naar woensdag 4 april 2029, 16:00–17:30.').waitFor();
    const movedItem = meetingItem(page, 'woensdag 4 april 2029');
    await movedItem.getByText('(verplaatst van dinsdag 3 april)').waitFor();
    expect(await movedItem.textContent()).toContain('16:00–17:30');

    // Cancelling 17 April, after the question.
    const fourth = meetingItem(page, 'dinsdag 17 april 2029');
    await fourth.getByText('Verplaatsen of annuleren').click();
    await fourth.getByRole('button', { name: 'Deze bijeenkomst annuleren' }).click();
    await fourth
      .getByText('De bijeenkomst van dinsdag 17 april 2029 annuleren? Alle leden krijgen een afzegging.')
      .waitFor();
    await expectAccessible(page);
    await fourth.getByRole('button', { name: 'Ja, annuleren' }).click();
    await page.getByText('De bijeenkomst van dinsdag 17 april 2029 is geannuleerd.').waitFor();
    await meetingItem(page, 'dinsdag 17 april 2029').locator('.tag', { hasText: 'Geannuleerd' }).waitFor();
    expect(await meetingItem(page, 'dinsdag 17 april 2029').getByText('Verplaatsen of annuleren').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'intervision-actions');

    // Every member, the newcomer too: a cancellation for 17 April, one update for the moved meeting.
    const everyone = [...members, people.newcomer];
    const cancellations = await waitForMails(everyone, swapB.calendarUid, /^Afgezegd: /);
    for (const mail of cancellations) {
      expect(mail.raw.toString()).toContain('METHOD:CANCEL');
    }
    const updates = await waitForMails(everyone, moving.calendarUid, /^Gewijzigd: /);
    for (const mail of updates) {
      expect(mail.raw.toString()).toContain('METHOD:REQUEST');
      expect(mail.parsed.subject).toContain('4 april');
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const person of everyone) {
      expect(mailsFor(person, moving.calendarUid, /^Gewijzigd: /)).toHaveLength(1);
    }

    // After a reload the page shows the same.
    await page.reload();
    await page.getByRole('heading', { name: 'Intervisie bovenbouw', level: 1 }).waitFor();
    await meetingItem(page, 'woensdag 4 april 2029').getByText('(verplaatst van dinsdag 3 april)').waitFor();
    await meetingItem(page, 'dinsdag 20 maart 2029')
      .getByText(`Inbrenger: ${name(people.second)}`)
      .waitFor();

    // A member sees the attendance of the meeting that took place, and no management controls.
    const member = await asPerson(people.first);
    await member.goto(`${WEB_URL}/intervisie/${group.id}`);
    await member.getByRole('heading', { name: 'Intervisie bovenbouw', level: 1 }).waitFor();
    const attendance = member.getByRole('region', { name: 'Aanwezigheid' });
    const table = attendance.getByRole('table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toMatch(/^Aanwezigheid op /);
    const rows: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) {
      rows.push(await row.locator('th, td').allTextContents());
    }
    expect(rows).toEqual(
      expect.arrayContaining([
        [`${name(people.first)} (jij)`, 'Aanwezig'],
        [name(people.second), 'Afgemeld'],
        [name(people.third), 'Afwezig'],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(await member.getByRole('region', { name: 'Leden toevoegen en verwijderen' }).count()).toBe(0);
    expect(await member.getByText('Verplaatsen of annuleren').count()).toBe(0);
    expect(await member.getByRole('button', { name: 'Aanwezigheid opslaan' }).count()).toBe(0);
    await expectAccessible(member);
    await screenshot(member, 'intervision-member-attendance');

    // Someone who is not in the group sees neither the group nor its attendance.
    const outsider = await asPerson(people.outsider);
    await outsider.goto(`${WEB_URL}/intervisie/${group.id}`);
    await outsider.getByRole('alert').getByText('Niet gevonden, of je hebt er geen toegang toe.').waitFor();
    expect(await outsider.getByRole('heading', { name: 'Intervisie bovenbouw' }).count()).toBe(0);
    expect(await outsider.getByRole('table').count()).toBe(0);
    expect(await outsider.getByText(name(people.first)).count()).toBe(0);
    await expectAccessible(outsider);
    const refused = await apiCall(people.outsider, 'GET', `/intervision/meetings/${held.id}/attendance`);
    expect(refused.status).toBe(404);
    const allowed = await apiCall(people.first, 'GET', `/intervision/meetings/${held.id}/attendance`);
    expect(allowed.status).toBe(200);

    // Finally the facilitator takes a member off: cancelled for the two meetings still ahead.
    await manage.getByRole('button', { name: `${name(people.third)} verwijderen` }).click();
    await manage
      .getByText(`${name(people.third)} uit de groep halen? ${name(people.third)} krijgt een afzegging`, {
        exact: false,
      })
      .waitFor();
    await manage.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await manage
      .getByText(`${name(people.third)} is uit de groep gehaald; afgezegd voor 2 komende bijeenkomst(en).`)
      .waitFor();
    await page.locator('dl.facts dd li', { hasText: name(people.third) }).waitFor({ state: 'detached' });
    expect(await manage.getByRole('button', { name: `${name(people.third)} verwijderen` }).count()).toBe(0);
    for (const meeting of [swapA, moving]) {
      const [cancellation] = await waitForMails([people.third], meeting.calendarUid, /^Afgezegd: /);
      expect(cancellation.raw.toString()).toContain('METHOD:CANCEL');
    }
  });
});
