import './web-env';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';
import { screenshot } from './browser';
import { WebTestBed } from './web-test-bed';

const MINUTE = 60_000;

const scale = [
  { value: 1, label: 'Nog niet' },
  { value: 2, label: 'Soms' },
  { value: 3, label: 'Meestal' },
];
const domains = [
  {
    key: 'klimaat',
    title: 'Klimaat',
    items: [
      { key: 'klimaat-1', text: 'De leraar begroet de leerlingen' },
      { key: 'klimaat-2', text: 'De leraar toont respect' },
    ],
  },
];

/**
 * The QR code in the page's image, decoded: the image drawn on a canvas, its pixels read by jsQR.
 * The pixels travel as base64 (a plain array of a quarter million numbers is very slow to pass).
 */
async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const pixels = await page.locator(selector).evaluate(async (element) => {
    // Runs in the page; the tests compile without the DOM library, so the few DOM shapes used here.
    interface Pixels {
      width: number;
      height: number;
      data: Uint8ClampedArray;
    }
    interface Canvas {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        drawImage(image: unknown, x: number, y: number): void;
        getImageData(x: number, y: number, width: number, height: number): Pixels;
      } | null;
    }
    const image = element as unknown as { decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
    const win = globalThis as unknown as { document: { createElement(tag: 'canvas'): Canvas } };
    await image.decode();
    const canvas = win.document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) {
      throw new Error('no 2d canvas');
    }
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    let binary = '';
    for (let index = 0; index < data.data.length; index += 0x8000) {
      binary += String.fromCharCode(...data.data.subarray(index, index + 0x8000));
    }
    return { width: data.width, height: data.height, base64: btoa(binary) };
  });
  const data = new Uint8ClampedArray(Buffer.from(pixels.base64, 'base64'));
  return jsQR(data, pixels.width, pixels.height)?.data ?? null;
}

/**
 * An admin edits a school and a person on the admin pages (with the API's refusals shown in
 * Dutch next to the form), changes and deactivates observation forms, and an organiser prints
 * the check-in QR code of a theme meeting that leads to the check-in page.
 */
describe('admin edits and the printable check-in QR in a real browser', () => {
  let db: DataSource;
  let school: School;
  const people: Record<string, Person> = {};
  const bed = new WebTestBed();
  const visitors = bed.visitors;
  const { asPerson, apiCall, expectAccessible } = visitors;

  beforeAll(async () => {
    ({ db } = await bed.start());
    const make = factory(db);
    school = await make.school({ name: `obs Het Anker ${Date.now()}` });
    const at = (fn: 'teacher' | 'intern_begeleider') => [{ schoolId: school.id, function: fn }];
    people.admin = await make.person({ givenName: 'Ada', isAdmin: true });
    people.femke = await make.person({
      givenName: 'Femke',
      familyNamePrefix: '',
      familyName: 'Jansen',
      memberships: at('teacher'),
    });
    people.organiser = await make.person({ givenName: 'Olga', memberships: at('intern_begeleider') });
    people.anna = await make.person({ givenName: 'Anna', memberships: at('teacher') });
  }, 120_000);

  afterAll(() => bed.stop());

  it('an admin edits a school: a wrong postal code is explained in Dutch, the saved change shows in the list', async () => {
    const page = await asPerson(people.admin);
    await page.goto('/beheer/scholen');
    await page.getByRole('button', { name: `${school.name} bewerken` }).click();
    const heading = page.getByRole('heading', { name: `School bewerken: ${school.name}` });
    await heading.waitFor();
    await page.locator('#edit-school-title:focus').waitFor();

    const editor = page.locator('form[aria-labelledby="edit-school-title"]');
    await editor.getByLabel('Plaats').fill('Zwolle');
    await editor.getByLabel('Postcode').fill('12345');
    await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const alert = editor.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Postcode: een Nederlandse postcode, bijvoorbeeld 3511 AB.');
    expect(await editor.getByLabel('Postcode').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    const renamed = `${school.name} (Zuid)`;
    await editor.getByLabel('Naam').fill(renamed);
    await editor.getByLabel('Postcode').fill('8011 ab');
    await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await editor.getByText(`De wijzigingen aan ${renamed} zijn opgeslagen.`).waitFor();
    expect(await editor.getByRole('alert').count()).toBe(0);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: renamed, exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Zwolle');
    await screenshot(page, 'admin-edit-school');

    const stored = await readJson(await apiCall(people.admin, 'GET', `/schools/${school.id}`));
    expect(stored).toMatchObject({ name: renamed, city: 'Zwolle', postalCode: '8011 AB' });
    school = stored as School;
  }, 60_000);

  it('an admin edits a person: name, language, functions, and deactivates them; a taken email is refused in Dutch', async () => {
    const page = await asPerson(people.admin);
    await page.goto('/beheer/personen');
    await page.getByLabel('Zoek op naam of e-mailadres').fill(people.femke.email);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('button', { name: 'Femke Jansen bewerken' }).click();
    const editor = page.getByRole('region', { name: 'Persoon bewerken: Femke Jansen' });
    await editor.waitFor();

    await editor.getByLabel('E-mailadres').fill(people.admin.email);
    await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await editor.getByRole('alert').waitFor();
    expect(await editor.getByRole('alert').textContent()).toContain(
      'Dit e-mailadres is al in gebruik bij iemand anders.',
    );

    await editor.getByLabel('E-mailadres').fill(people.femke.email);
    await editor.getByLabel('Achternaam').fill('Jansen-de Vries');
    await editor.getByLabel('Taal van mails en de app').selectOption('en');
    await editor.getByLabel('Actief', { exact: true }).uncheck();
    await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await editor.getByText('De wijzigingen aan Femke Jansen-de Vries zijn opgeslagen.').waitFor();
    const row = page.getByRole('row').filter({ hasText: people.femke.email });
    expect(await row.getByRole('rowheader').textContent()).toBe('Femke Jansen-de Vries (niet actief)');

    // Another function at the school, and the old one ended.
    await editor.getByLabel('School', { exact: true }).selectOption(school.id);
    await editor.getByLabel('Functie', { exact: true }).selectOption('intern_begeleider');
    await editor.getByRole('button', { name: 'Functie toevoegen' }).click();
    await editor.getByText(`De functie intern begeleider op ${school.name} is toegevoegd.`).waitFor();
    await editor.getByRole('button', { name: `leraar op ${school.name} beëindigen` }).click();
    await editor.getByText(`De functie leraar op ${school.name} is beëindigd.`).waitFor();
    const functions = await editor.getByRole('listitem').allTextContents();
    expect(functions).toHaveLength(1);
    expect(functions[0]).toContain(`${school.name}: intern begeleider`);
    await expectAccessible(page);
    await screenshot(page, 'admin-edit-person');

    const stored = await readJson(await apiCall(people.admin, 'GET', `/people/${people.femke.id}`));
    expect(stored).toMatchObject({ familyName: 'Jansen-de Vries', language: 'en', active: false });
    expect(stored.memberships).toEqual([
      expect.objectContaining({ schoolId: school.id, function: 'intern_begeleider' }),
    ]);
  }, 60_000);

  it('an admin changes an unused form, can only rename a used one, and deactivates a form', async () => {
    const created = await apiCall(people.admin, 'POST', '/coaching/forms', {
      name: `Kijkwijzer begroeten ${Date.now()}`,
      scale,
      domains,
    });
    expect(created.status).toBe(201);
    const form = await readJson(created);

    const page = await asPerson(people.admin);
    await page.goto(`/beheer/formulieren/${form.id}`);
    await page.getByRole('heading', { name: 'Kijkwijzer wijzigen' }).waitFor();
    await page.getByLabel('Item 1 van domein 1', { exact: true }).fill('De leraar begroet elke leerling bij de deur');
    await page.getByLabel('Omschrijving bij waarde 3').fill('Altijd');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText(`De wijzigingen aan “${form.name}” zijn opgeslagen.`).waitFor();
    const domain = page.getByRole('region', { name: 'Klimaat' });
    await domain.getByText('De leraar begroet elke leerling bij de deur').waitFor();
    await page.getByRole('definition').filter({ hasText: 'Altijd' }).waitFor();
    await expectAccessible(page);

    // Deactivated: off the list for new visits (the organiser's list), marked on the admin's list.
    await page.getByRole('button', { name: 'Kijkwijzer uitzetten' }).click();
    await page.getByText(`“${form.name}” is uitgezet.`).waitFor();
    await page.getByRole('button', { name: 'Kijkwijzer weer in gebruik nemen' }).waitFor();
    expect(await page.getByText('Status: uitgezet').count()).toBe(1);
    const forCoach = await readJson(await apiCall(people.organiser, 'GET', '/coaching/forms'));
    expect(forCoach.some((f: { id: string }) => f.id === form.id)).toBe(false);
    await page.getByRole('link', { name: 'Alle kijkwijzers' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: form.name }) });
    await row.waitFor();
    expect(await row.getByRole('cell').last().textContent()).toBe('uitgezet');

    // A form a visit uses: only the name; the API keeps its items.
    const used = await readJson(
      await apiCall(people.admin, 'POST', '/coaching/forms', {
        name: `Kijkwijzer in gebruik ${Date.now()}`,
        scale,
        domains,
      }),
    );
    const visit = await apiCall(people.organiser, 'POST', '/coaching/visits', {
      teacherPersonId: people.anna.id,
      schoolId: school.id,
      groupName: 'groep 5',
      formId: used.id,
      start: '2028-03-08T10:00:00+01:00',
      end: '2028-03-08T10:45:00+01:00',
    });
    expect(visit.status).toBe(201);
    await page.goto(`/beheer/formulieren/${used.id}`);
    await page.getByText('Deze kijkwijzer is al gebruikt bij klassenbezoeken.', { exact: false }).waitFor();
    expect(await page.getByLabel('Omschrijving bij waarde 1').count()).toBe(0);
    await page.getByLabel('Naam', { exact: true }).fill(`${used.name} (versie 1)`);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText(`De wijzigingen aan “${used.name} (versie 1)” zijn opgeslagen.`).waitFor();
    await page.getByRole('heading', { name: `${used.name} (versie 1)`, level: 1 }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-edit-used-form');
  }, 60_000);

  it('an organiser prints the check-in QR code: it shows title, time and code, and decodes to the check-in page', async () => {
    const slot = uniqueSlot(90);
    const created = await apiCall(people.organiser, 'POST', '/theme-meetings', {
      title: `Rekenen met de QR ${Date.now()}`,
      format: 'on_site',
      schoolId: school.id,
      room: 'Aula',
      capacity: 10,
      hoursCredited: 1,
      sessions: [slot],
      registrationOpensAt: new Date(Date.now() - MINUTE).toISOString(),
      registrationClosesAt: slot.start,
    });
    expect(created.status).toBe(201);
    const meeting = await readJson(created);
    const detail = await readJson(await apiCall(people.organiser, 'GET', `/theme-meetings/${meeting.id}`));
    const [session] = detail.sessions;

    const page = await asPerson(people.organiser);
    await page.goto(`/organiseren/${meeting.id}`);
    await page.getByRole('link', { name: 'QR-code afdrukken' }).click();
    await page.getByRole('heading', { name: `QR-code afdrukken: ${meeting.title}`, level: 1 }).waitFor();
    const poster = page.getByRole('region', { name: meeting.title });
    const image = poster.getByRole('img', { name: /^QR-code om in te checken, / });
    await image.waitFor();
    expect(await poster.locator('.poster-code').textContent()).toBe(session.checkInCode);
    const time = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(session.start));
    expect(await poster.textContent()).toContain(time);
    await expectAccessible(page);

    const decoded = await decodeQr(page, '.poster img');
    expect(decoded).toBe(session.checkInUrl);

    // On paper: the poster without the app around it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await image.isVisible()).toBe(true);
    expect(await poster.getByText(meeting.title).isVisible()).toBe(true);
    await screenshot(page, 'check-in-poster-print');
    await page.emulateMedia({ media: 'screen' });

    // Anna scans it: the check-in page of this session, with the code filled in.
    const signedUp = await apiCall(people.anna, 'POST', `/theme-meetings/${meeting.id}/registrations`, {});
    expect((await readJson(signedUp)).status).toBe('confirmed');
    const anna = await asPerson(people.anna);
    await anna.goto(decoded ?? '');
    await anna.getByRole('heading', { name: 'Inchecken' }).waitFor();
    await anna.getByText(meeting.title).waitFor();
    expect(await anna.getByLabel('Code').inputValue()).toBe(session.checkInCode);
  }, 120_000);
});
