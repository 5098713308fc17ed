import type { MailDraft } from '@leerkring/notifications';
import type { HolidayRegion } from '@leerkring/people';
import type { DemoCounts } from './demo-foundation';

/** One welcome mail per database: a second seed run finds this key and queues nothing new. */
export const WELCOME_DEDUPE_KEY = 'demo.welcome';

export interface WelcomeMailInput {
  foundationName: string;
  admin: { id: string; email: string; givenName: string };
  counts: DemoCounts;
  regions: readonly HolidayRegion[];
  publicUrl: string;
}

const REGION_NL: Readonly<Record<HolidayRegion, string>> = { north: 'noord', middle: 'midden', south: 'zuid' };

/** Enough for text and double-quoted attributes. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function listInDutch(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** The Dutch welcome mail to the demo's admin: what was created and where to look next. */
export function renderWelcomeMail(input: WelcomeMailInput): MailDraft {
  const { counts, foundationName } = input;
  const regions = [...new Set(input.regions)].map((region) => REGION_NL[region]);
  const regionText = `${regions.length === 1 ? 'vakantieregio' : `${regions.length} vakantieregio's`} (${listInDutch(regions)})`;
  const created = [
    `${counts.schools} scholen in ${regionText}`,
    `${counts.staff} medewerkers, onder wie ${counts.directors} directeuren`,
    `${counts.coaches} begeleiders: intern begeleiders, werkbegeleiders, kwaliteitscoördinatoren, een vakcoach en een schoolopleider`,
  ];
  const links = [
    { label: 'API-documentatie', url: `${input.publicUrl}/api/docs` },
    { label: 'Status van de installatie', url: `${input.publicUrl}/api/health/ready` },
  ];

  const bodyText = [
    `Beste ${input.admin.givenName},`,
    '',
    `Welkom bij Leerkring! De demo-omgeving van ${foundationName} staat klaar. We hebben aangemaakt:`,
    '',
    ...created.map((line) => `- ${line}`),
    '',
    `Jij bent de beheerder, met het adres ${input.admin.email}.`,
    '',
    'Om verder te kijken:',
    ...links.map((link) => `- ${link.label}: ${link.url}`),
    '',
    'Met vriendelijke groet,',
    'Leerkring',
    '',
  ].join('\n');

  const bodyHtml = [
    '<!doctype html>',
    '<html lang="nl"><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>Beste ${escapeHtml(input.admin.givenName)},</p>`,
    `<p>Welkom bij Leerkring! De demo-omgeving van <strong>${escapeHtml(foundationName)}</strong> staat klaar. We hebben aangemaakt:</p>`,
    `<ul>${created.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    `<p>Jij bent de beheerder, met het adres ${escapeHtml(input.admin.email)}.</p>`,
    '<p>Om verder te kijken:</p>',
    `<ul>${links.map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></li>`).join('')}</ul>`,
    '<p>Met vriendelijke groet,<br>Leerkring</p>',
    '</body></html>',
    '',
  ].join('\n');

  return {
    dedupeKey: WELCOME_DEDUPE_KEY,
    kind: 'welcome',
    recipientPersonId: input.admin.id,
    toAddress: input.admin.email,
    subject: `Welkom bij Leerkring — ${foundationName}`,
    bodyText,
    bodyHtml,
    ics: null,
    icsMethod: null,
  };
}
