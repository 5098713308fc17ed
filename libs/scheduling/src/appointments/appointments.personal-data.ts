import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@leerkring/people';
import { AppointmentsRepository } from './appointments.repository';

/**
 * A person's appointments in their data export. On erasure their participations (required or
 * optional) are deleted, so they drop off every attendee list and are mailed nothing more.
 * Appointments they organised stay, for the other participants' sake; the organiser then shows
 * as the anonymized person.
 */
@Injectable()
export class AppointmentsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repository: AppointmentsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'appointments',
      export: async (personId, manager) =>
        (await this.repository.participationsOf(manager, personId)).map((participation) => ({
          appointmentId: participation.appointmentId,
          title: participation.appointment?.title ?? null,
          start: participation.appointment?.startsAt.toISOString() ?? null,
          end: participation.appointment?.endsAt.toISOString() ?? null,
          status: participation.appointment?.status ?? null,
          role: participation.role,
          rsvp: participation.rsvp,
          rsvpAt: participation.rsvpAt?.toISOString() ?? null,
          removedAt: participation.removedAt?.toISOString() ?? null,
        })),
      erase: (personId, manager) => this.repository.deleteParticipationsOf(manager, personId),
    });
  }
}
