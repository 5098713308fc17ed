import { WEB_URL } from './web-env';
import '../calendar/allow-private-calendar-feeds';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

const ics = (...events: Array<[uid: string, date: string, summary: string]>) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//De Esch//Jaarplanning//NL',
    ...events.flatMap(([uid, date, summary]) => [
      'BEGIN:VEVENT',
      `UID:${uid}@esch.example`,
      'DTSTAMP:20260901T080000Z',
      `DTSTART;VALUE=DATE:${date}`,
      `SUMMARY:${summary}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

/**
 * An admin sets a school's calendar URL on /beheer/kalender, sees the worker's sync (the study
 * days and "Bijgewerkt op …"), and after the feed breaks, "Nu bijwerken" shows the failure while
 * the study days stay. Real API, the worker as its own process, a local feed server.
 */
describe('school calendar by feed URL in a real browser', () => {
  let db: DataSource;
  let feedServer: Server;
  let feedUrl: string;
  let school: School;
  let admin: Person;
  const served = { status: 200, body: '' };
  const bed = new WebTestBed({ workerEnv: { CALENDAR_FEED_ALLOW_PRIVATE: 'true' } });
  const visitors = bed.visitors;
  const { asPerson, expectAccessible } = visitors;

  beforeAll(async () => {
    feedServer = createServer((_request, response) => {
      response.statusCode = served.status;
      response.setHeader('content-type', 'text/calendar; charset=utf-8');
      response.end(served.body);
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/jaarplanning.ics`;
    ({ db } = await bed.start());
    const make = factory(db);
    school = await make.school({ name: `obs De Esch ${Date.now()}` });
    admin = await make.person({ givenName: 'Ada', isAdmin: true });
  }, 120_000);

  afterAll(async () => {
    await bed.stop();
    feedServer?.closeAllConnections();
    await new Promise((resolve) => feedServer?.close(resolve));
    delete process.env.CALENDAR_FEED_ALLOW_PRIVATE;
  });

  it('an admin sets the calendar URL, sees the study days it brought, and a failed update that keeps them', async () => {
    served.body = ics(
      ['teamdag', '20271117', 'Studiedag teamscholing'],
      ['rapport', '20280306', 'Studiedag rapporten'],
    );
    const page = await asPerson(admin);
    await page.goto(`${WEB_URL}/beheer/kalender`);
    await page.getByRole('heading', { name: 'Schoolkalender' }).waitFor();
    await page.getByLabel('School', { exact: true }).selectOption({ label: school.name });
    await page.getByLabel('Schooljaar', { exact: true }).selectOption('2027-2028');
    await page.getByRole('heading', { name: 'Vrije dagen in schooljaar 2027-2028' }).waitFor();
    const feed = page.locator('form[aria-labelledby="feed-title"]');
    await feed.getByText('Deze school heeft nog geen agenda-URL.').waitFor();
    await expectAccessible(page);

    // A URL we will not fetch is explained next to the field.
    await feed.getByLabel('Agenda-URL').fill('ftp://agenda.example.org/jaarplanning.ics');
    await feed.getByRole('button', { name: 'Opslaan' }).click();
    const alert = feed.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Deze agenda-URL kan niet: url must start with https://');
    expect(await feed.getByLabel('Agenda-URL').getAttribute('aria-invalid')).toBe('true');

    await feed.getByLabel('Agenda-URL').fill(feedUrl);
    await feed.getByRole('button', { name: 'Opslaan' }).click();
    await feed.getByText('Agenda-URL opgeslagen. De agenda wordt nu opgehaald.').waitFor();
    const status = feed.getByRole('status');
    await status.getByText(/^Bijgewerkt op .+: 2 studiedagen in de agenda\.$/).waitFor({ timeout: 30_000 });
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });
    await row('Studiedag teamscholing').waitFor();
    expect(await row('Studiedag teamscholing').innerText()).toContain('agenda-URL');
    expect(await row('Studiedag rapporten').innerText()).toContain('agenda-URL');
    await expectAccessible(page);
    await screenshot(page, 'admin-calendar-feed');

    // The feed breaks: "Nu bijwerken" records the failure and keeps the study days.
    served.status = 500;
    await feed.getByRole('button', { name: 'Nu bijwerken' }).click();
    await status
      .getByText(/^Bijwerken mislukt op .+: the feed server answered HTTP 500\. De studiedagen van .+ blijven staan\.$/)
      .waitFor({ timeout: 30_000 });
    await page.reload();
    await page.getByLabel('School', { exact: true }).selectOption({ label: school.name });
    await page.getByLabel('Schooljaar', { exact: true }).selectOption('2027-2028');
    await row('Studiedag teamscholing').waitFor();
    // The feed is read apart from the study days: its last-sync status shows once it is in.
    await page.getByText(/^Bijwerken mislukt op /).waitFor();
    expect(await page.getByRole('textbox', { name: 'Agenda-URL' }).inputValue()).toBe(feedUrl);
    await expectAccessible(page);
  });
});
