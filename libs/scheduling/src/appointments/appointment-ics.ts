import type { IcsEvent, IcsPerson } from '@leerkring/notifications';
import type { Appointment } from './appointment.entity';

/** What an appointment looks like as a calendar event, the same in invitations and in the feed. */
export type AppointmentIcsFields = Omit<IcsEvent, 'method' | 'attendees' | 'stamp' | 'cancelled'>;

export function appointmentIcsFields(
  appointment: Appointment,
  schoolName: string | undefined,
  organizer: IcsPerson,
): AppointmentIcsFields {
  return {
    uid: appointment.icalUid,
    sequence: appointment.version,
    start: appointment.startsAt,
    end: appointment.endsAt,
    zone: appointment.zone,
    summary: appointment.title,
    description: appointment.description ?? undefined,
    location: [schoolName, appointment.room].filter(Boolean).join(', ') || appointment.onlineUrl || undefined,
    url: appointment.onlineUrl ?? undefined,
    organizer,
  };
}
