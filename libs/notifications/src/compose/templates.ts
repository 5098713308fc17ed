import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { MailLanguage } from './wall-clock';

/** The mails about an appointment; each has a template per language in `src/templates/`. */
export const APPOINTMENT_MAIL_KINDS = ['invitation', 'update', 'cancellation'] as const;
export type AppointmentMailKind = (typeof APPOINTMENT_MAIL_KINDS)[number];

/** What a template may show. Everything is already formatted for the recipient's language. */
export interface AppointmentMailView {
  foundationName: string;
  recipientName: string;
  organizerName: string;
  title: string;
  description: string | null;
  /** e.g. "dinsdag 27 oktober 2026, 15:30–16:30". */
  when: string;
  schoolName: string | null;
  room: string | null;
  onlineUrl: string | null;
  /** The other participants' names (not the recipient's). */
  others: string[];
  /** Only in invitations and updates. */
  acceptUrl: string | null;
  declineUrl: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Where the template files are: beside the bundle when built (`nest build` copies them into
 * `dist/apps/<app>/templates`), in the source tree when run from source (tests, ts-node).
 */
function templateDirectory(): string {
  const candidates = [
    join(__dirname, 'templates'),
    join(__dirname, '..', 'templates'),
    join(process.cwd(), 'libs/notifications/src/templates'),
  ];
  const found = candidates.find((candidate) => existsSync(join(candidate, 'appointment-invitation.nl.txt.tpl')));
  if (!found) {
    throw new Error(`mail templates not found (looked in ${candidates.join(', ')})`);
  }
  return found;
}

// One Handlebars environment of our own: strict, so a misspelt field fails loudly in tests.
const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(file: string, escape: boolean): Handlebars.TemplateDelegate {
  let compiledTemplate = compiled.get(file);
  if (!compiledTemplate) {
    const source = readFileSync(join(templateDirectory(), file), 'utf8');
    compiledTemplate = handlebars.compile(source, { strict: true, noEscape: !escape });
    compiled.set(file, compiledTemplate);
  }
  return compiledTemplate;
}

/**
 * Renders one mail from its template files: `{name}.{language}.txt.tpl` (its first line is the
 * subject, then an empty line, then the plain text) and `{name}.{language}.html.tpl` (escaped
 * HTML). Every kind of mail (appointments, reminders, later ones) goes through here.
 */
export function renderMailTemplate(name: string, language: MailLanguage, view: object): RenderedMail {
  const base = `${name}.${language}`;
  const [subject, ...body] = template(`${base}.txt.tpl`, false)(view).split('\n');
  return {
    subject: subject.trim(),
    text: body
      .join('\n')
      .replace(/^\n+/, '')
      .replace(/\n{3,}/g, '\n\n'),
    html: template(`${base}.html.tpl`, true)(view),
  };
}

export function renderAppointmentMail(
  kind: AppointmentMailKind,
  language: MailLanguage,
  view: AppointmentMailView,
): RenderedMail {
  return renderMailTemplate(`appointment-${kind}`, language, view);
}
