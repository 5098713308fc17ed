import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { MailLanguage, RenderedMail } from '@leerkring/notifications';

/** What a reminder may show, already formatted for the recipient's language. */
export interface ReminderMailView {
  foundationName: string;
  recipientName: string;
  title: string;
  /** e.g. "dinsdag 27 oktober 2026, 15:30–16:30". */
  when: string;
  schoolName: string | null;
  room: string | null;
  onlineUrl: string | null;
}

const TEMPLATE = 'appointment-reminder';

/** The template files live with the other mail templates (copied beside the worker bundle when built). */
function templateDirectory(): string {
  const candidates = [
    join(__dirname, 'templates'),
    join(__dirname, '..', 'templates'),
    join(process.cwd(), 'libs/notifications/src/templates'),
  ];
  const found = candidates.find((candidate) => existsSync(join(candidate, `${TEMPLATE}.nl.txt.tpl`)));
  if (!found) {
    throw new Error(`reminder templates not found (looked in ${candidates.join(', ')})`);
  }
  return found;
}

const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(file: string, escape: boolean): Handlebars.TemplateDelegate {
  let compiledTemplate = compiled.get(file);
  if (!compiledTemplate) {
    compiledTemplate = handlebars.compile(readFileSync(join(templateDirectory(), file), 'utf8'), {
      strict: true,
      noEscape: !escape,
    });
    compiled.set(file, compiledTemplate);
  }
  return compiledTemplate;
}

/** `appointment-reminder.{language}.txt.tpl` (first line the subject) and `….html.tpl`. */
export function renderReminderMail(language: MailLanguage, view: ReminderMailView): RenderedMail {
  const base = `${TEMPLATE}.${language}`;
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
