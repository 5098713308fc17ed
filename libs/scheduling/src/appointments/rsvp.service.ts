import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { AuditLog } from '@leerkring/people';
import { AppointmentsRepository } from './appointments.repository';
import { verifyRsvpToken } from './rsvp-token';

export type RsvpAnswer = 'accept' | 'decline';

/** What happened to an answer from a mail link; the API turns each into a small page. */
export type RsvpOutcome =
  | { kind: 'recorded'; answer: RsvpAnswer; title: string }
  | { kind: 'unchanged'; answer: RsvpAnswer; title: string }
  | { kind: 'invalid' }
  | { kind: 'stale'; title: string }
  | { kind: 'cancelled'; title: string }
  | { kind: 'not_participant' };

/**
 * Sets a participant's RSVP from the signed link in their mail, without signing in. An answer
 * never changes the appointment's version (nobody is mailed about it). Repeating the same
 * answer changes nothing.
 */
@Injectable()
export class RsvpService {
  constructor(
    private readonly repository: AppointmentsRepository,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async answer(token: string, answer: RsvpAnswer): Promise<RsvpOutcome> {
    const claim = verifyRsvpToken(this.config.appSecret, token);
    if (!claim) {
      return { kind: 'invalid' };
    }
    return this.repository.transaction(async (manager) => {
      const appointment = await this.repository.lock(manager, claim.appointmentId);
      if (!appointment) {
        return { kind: 'not_participant' };
      }
      const participant = (await this.repository.participants(manager, appointment.id)).find(
        (row) => row.personId === claim.personId && row.removedAt === null,
      );
      if (!participant) {
        return { kind: 'not_participant' };
      }
      if (appointment.status === 'cancelled') {
        return { kind: 'cancelled', title: appointment.title };
      }
      if (claim.version !== appointment.version) {
        return { kind: 'stale', title: appointment.title };
      }
      const rsvp = answer === 'accept' ? 'accepted' : 'declined';
      if (participant.rsvp === rsvp) {
        return { kind: 'unchanged', answer, title: appointment.title };
      }
      participant.rsvp = rsvp;
      participant.rsvpAt = new Date();
      await this.repository.saveParticipants(manager, [participant]);
      await this.audit.record(
        {
          actorPersonId: claim.personId,
          action: 'rsvp',
          entityType: 'appointment',
          entityId: appointment.id,
          details: { rsvp, version: appointment.version, via: 'mail_link' },
        },
        manager,
      );
      return { kind: 'recorded', answer, title: appointment.title };
    });
  }
}
