/**
 * Queue and job names, declared once for both apps.
 *
 * FROZEN: these strings are stored in Redis with every queued job. Renaming one strands the jobs
 * already queued under the old name. Add new names; never rename or reuse old ones.
 */
export enum QueueName {
  /** Sends one stored mail message. The only caller of nodemailer. */
  Mail = 'mail',
  /** Decides who gets which notification and renders it (invitations, updates, cancellations). */
  Notify = 'notify',
  /** Delayed reminder jobs. */
  Reminders = 'reminders',
  /** Periodic upkeep: retention, clean-up. */
  Housekeeping = 'housekeeping',
}

export enum JobName {
  SendMail = 'mail.send',
  RequeueStrandedMail = 'housekeeping.requeue-stranded-mail',
  Retention = 'housekeeping.retention',
  /** Mail the evaluation link to participants of theme meetings that have ended. */
  AskThemeEvaluations = 'housekeeping.ask-theme-evaluations',
  /** Sync every school calendar feed (an .ics URL an admin set). */
  SyncSchoolCalendarFeeds = 'housekeeping.sync-school-calendar-feeds',
  /** Sync one school's calendar feed now (an admin asked, or saved its URL). */
  SyncSchoolCalendarFeed = 'housekeeping.sync-school-calendar-feed',
  /** Decide who gets an invitation, update or cancellation for a changed appointment. */
  NotifyAppointmentChanged = 'notify.appointment-changed',
  /** Replace an appointment's delayed reminder jobs with those of its current version. */
  PlanReminders = 'reminders.plan',
  /** Send one reminder (delayed until its moment); re-checks the appointment at send time. */
  SendReminder = 'reminders.send',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
