import { renderMailTemplate, type MailLanguage, type RenderedMail } from '@leerkring/notifications';

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
  /** What the organiser wrote (for an intervision meeting: who brings the case in). */
  description: string | null;
}

/** `appointment-reminder.{language}.txt.tpl` (first line the subject) and `….html.tpl`. */
export function renderReminderMail(language: MailLanguage, view: ReminderMailView): RenderedMail {
  return renderMailTemplate('appointment-reminder', language, view);
}
