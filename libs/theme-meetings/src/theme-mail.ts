import { formatWallClockRange, renderMailTemplate, type MailDraft, type MailLanguage } from '@leerkring/notifications';
import { displayName, type Person } from '@leerkring/people';
import type { ThemeMeeting, ThemeRegistration } from './theme-meeting.entity';

/**
 * The mails theme meetings send themselves: the waitlist's two, and the evaluation link after the
 * meeting. Invitations and cancellations come from the appointment notifier.
 */
export type ThemeMailKind = 'theme-promoted' | 'theme-offer' | 'theme-evaluation';

export interface ThemeMailInput {
  kind: ThemeMailKind;
  meeting: ThemeMeeting;
  registration: ThemeRegistration;
  person: Person;
  foundationName: string;
  /** For offers: the accept / decline page, without `?answer=`. */
  offerUrl?: string;
  /** For the evaluation: the page with the form. */
  evaluationUrl?: string;
}

/**
 * Renders one theme meeting mail. Its dedupe key names the registration and, for the waitlist's
 * mails, the offer round, so a retried transaction or a repeated promotion never mails twice; the
 * evaluation goes once per registration.
 */
export function themeMailDraft(input: ThemeMailInput): MailDraft {
  const { meeting, registration, person } = input;
  const language: MailLanguage = person.language === 'en' ? 'en' : 'nl';
  const rendered = renderMailTemplate(input.kind, language, {
    foundationName: input.foundationName,
    recipientName: displayName(person),
    title: meeting.title,
    when: formatWallClockRange(meeting.startsAt, meeting.endsAt, 'Europe/Amsterdam', language),
    deadline: registration.offerDeadline ? formatInstant(registration.offerDeadline, language) : '',
    acceptUrl: input.offerUrl ? `${input.offerUrl}?answer=accept` : '',
    declineUrl: input.offerUrl ? `${input.offerUrl}?answer=decline` : '',
    evaluationUrl: input.evaluationUrl ?? '',
  });
  return {
    dedupeKey:
      input.kind === 'theme-evaluation'
        ? `theme.${registration.id}.evaluation`
        : `theme.${registration.id}.${input.kind}.r${registration.offerRound}`,
    kind: input.kind,
    recipientPersonId: person.id,
    toAddress: person.email,
    subject: rendered.subject,
    bodyText: rendered.text,
    bodyHtml: rendered.html,
    ics: null,
    icsMethod: null,
  };
}

function formatInstant(instant: Date, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(instant);
}
