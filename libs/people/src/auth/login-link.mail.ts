import type { MailDraft } from '@leerkring/notifications';
import type { Language } from '../persons/person.entity';

interface LoginMailInput {
  loginLinkId: string;
  personId: string;
  email: string;
  givenName: string;
  language: Language;
  link: string;
  foundationName: string;
}

const TEXT = {
  nl: {
    subject: 'Je inloglink voor Leerkring',
    greeting: (name: string) => `Beste ${name},`,
    body: 'Met de knop hieronder log je in bij Leerkring. De link werkt één keer en is 15 minuten geldig.',
    button: 'Inloggen bij Leerkring',
    ignore: 'Heb je niet om deze link gevraagd? Dan kun je deze mail negeren; er gebeurt niets.',
  },
  en: {
    subject: 'Your Leerkring sign-in link',
    greeting: (name: string) => `Dear ${name},`,
    body: 'Use the button below to sign in to Leerkring. The link works once and is valid for 15 minutes.',
    button: 'Sign in to Leerkring',
    ignore: 'Did not ask for this link? Then ignore this mail; nothing will happen.',
  },
} as const;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The login mail, in the person's language. */
export function loginLinkMail(input: LoginMailInput): MailDraft {
  const t = TEXT[input.language] ?? TEXT.nl;
  const text = [
    t.greeting(input.givenName),
    '',
    t.body,
    '',
    input.link,
    '',
    t.ignore,
    '',
    `Leerkring · ${input.foundationName}`,
  ].join('\n');
  const html = `<!doctype html><html lang="${input.language}"><body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(t.greeting(input.givenName))}</p>
<p>${escapeHtml(t.body)}</p>
<p><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:10px 16px;background:#1f5f8b;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t.button)}</a></p>
<p style="color:#555">${escapeHtml(t.ignore)}</p>
<p style="color:#555">Leerkring · ${escapeHtml(input.foundationName)}</p>
</body></html>`;
  return {
    dedupeKey: `login_link.${input.loginLinkId}`,
    kind: 'login_link',
    recipientPersonId: input.personId,
    toAddress: input.email,
    subject: t.subject,
    bodyText: text,
    bodyHtml: html,
    ics: null,
    icsMethod: null,
  };
}
