import { Injectable, Logger } from '@nestjs/common';
import {
  formatWallClockRange,
  MailDispatcher,
  type MailLanguage,
  type ReminderPayload,
  type SendNowOutcome,
} from '@leerkring/notifications';
import { displayName } from '@leerkring/people';
import { renderReminderMail } from './reminder-mail';
import { ReminderScheduler, wantsReminder } from './reminder-scheduler';
import { RemindersRepository } from './reminders.repository';

export type ReminderDropReason =
  | 'gone'
  | 'changed'
  | 'cancelled'
  | 'not-participating'
  | 'declined'
  | 'switched-off'
  | 'unreachable'
  | 'offset-dropped'
  | 'started';

export type ReminderOutcome =
  { kind: 'dropped'; reason: ReminderDropReason } | { kind: 'mailed'; mail: SendNowOutcome };

/**
 * Sends one reminder, deciding at send time from the database: a reminder whose appointment
 * changed (another version), was cancelled or has started, whose person was removed, declined,
 * or switched reminders off, is dropped. Otherwise the mail is stored and sent in this job
 * (`MailDispatcher.sendNow`: claimed as it is stored, no second job on the mail queue); its dedupe
 * key `reminder.{appointment}.{person}.{offset}.v{version}` makes a repeated job mail nothing new.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger('ReminderSender');

  constructor(
    private readonly repository: RemindersRepository,
    private readonly scheduler: ReminderScheduler,
    private readonly mail: MailDispatcher,
  ) {}

  async send(reminder: ReminderPayload, now = new Date()): Promise<ReminderOutcome> {
    const decision = await this.decide(reminder, now);
    if (decision.kind === 'dropped') {
      this.logger.log({ ...reminder, reason: decision.reason }, 'reminder dropped');
      return decision;
    }
    const { appointment, person } = decision;
    const language: MailLanguage = person.language === 'en' ? 'en' : 'nl';
    const rendered = renderReminderMail(language, {
      foundationName: await this.repository.foundationName(),
      recipientName: displayName(person),
      title: appointment.title,
      when: formatWallClockRange(appointment.startsAt, appointment.endsAt, appointment.zone, language),
      schoolName: await this.repository.schoolName(appointment.schoolId),
      room: appointment.room || null,
      onlineUrl: appointment.onlineUrl,
      description: appointment.description,
    });
    const mail = await this.mail.sendNow({
      dedupeKey: `reminder.${appointment.id}.${person.id}.${reminder.offsetKey}.v${appointment.version}`,
      kind: 'reminder',
      recipientPersonId: person.id,
      toAddress: person.email,
      subject: rendered.subject,
      bodyText: rendered.text,
      bodyHtml: rendered.html,
      ics: null,
      icsMethod: null,
    });
    return { kind: 'mailed', mail };
  }

  private async decide(reminder: ReminderPayload, now: Date) {
    const drop = (reason: ReminderDropReason) => ({ kind: 'dropped', reason }) as const;
    // Read now, at send time; reminders due together are read together (three queries for all).
    const { appointment, participant, person } = await this.repository.reminderState(
      reminder.appointmentId,
      reminder.personId,
    );
    if (!appointment) {
      return drop('gone');
    }
    if (appointment.version !== reminder.version) {
      return drop('changed');
    }
    if (appointment.status !== 'scheduled') {
      return drop('cancelled');
    }
    if (appointment.startsAt.getTime() <= now.getTime()) {
      return drop('started');
    }
    if (!this.scheduler.offsets.for(appointment.kind).some((offset) => offset.key === reminder.offsetKey)) {
      return drop('offset-dropped');
    }
    if (!participant || participant.removedAt !== null) {
      return drop('not-participating');
    }
    if (participant.rsvp === 'declined') {
      return drop('declined');
    }
    if (person && !person.remindersEnabled) {
      return drop('switched-off');
    }
    if (!person || !wantsReminder(appointment, participant, person)) {
      return drop('unreachable');
    }
    return { kind: 'send', appointment, person } as const;
  }
}
