import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@leerkring/people';
import { CoachingSession, CoachingTrajectory } from '../coaching.entities';
import { CoachingRepository } from '../coaching.repository';

/**
 * Coaching in a person's data export and erasure.
 * Export: their trajectories (as coach or coachee) and sessions, their classroom visits. The
 * confidential notes are not decrypted into the export (an admin runs it, and notes are for
 * coach and coachee only): the export says a note exists; the person reads it in the app.
 * Erasure: the notes and agreements of every session they took part in are deleted, the
 * question, goals and evaluation of trajectories they were coached in are blanked, and the
 * observations of their lessons are deleted. Trajectory, session and visit rows stay, so the
 * counts in the reports stay right.
 */
@Injectable()
export class CoachingPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repository: CoachingRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'coaching',
      export: async (personId, manager) => {
        const trajectories = await this.repository.trajectoriesInvolving(manager, personId);
        const sessions = await this.repository.sessionsInvolving(manager, personId);
        const visits = await this.repository.visitsInvolving(manager, personId);
        return {
          trajectories: trajectories.map((trajectory) => ({
            id: trajectory.id,
            role: trajectory.coachPersonId === personId ? 'coach' : 'coachee',
            schoolId: trajectory.schoolId,
            coachingQuestion: trajectory.coachingQuestion,
            goals: trajectory.goals,
            startDate: trajectory.startDate,
            status: trajectory.status,
            closingEvaluation: trajectory.closingEvaluation,
          })),
          sessions: sessions.map((session) => ({
            id: session.id,
            trajectoryId: session.trajectoryId,
            appointmentId: session.appointmentId,
            status: session.status,
            cancelReason: session.cancelReason,
            sharedAgreements: session.sharedAgreements,
            hasConfidentialNote: session.noteCiphertext !== null,
          })),
          classroomVisits: visits.map((visit) => ({
            id: visit.id,
            role: visit.observerPersonId === personId ? 'observer' : 'teacher',
            schoolId: visit.schoolId,
            groupName: visit.groupName,
            assessment: visit.assessment,
            status: visit.status,
          })),
        };
      },
      erase: async (personId, manager) => {
        const sessions = await this.repository.sessionsInvolving(manager, personId);
        let touched = 0;
        for (const session of sessions) {
          if (session.noteCiphertext !== null || session.sharedAgreements !== null || session.cancelReason !== null) {
            await manager.update(
              CoachingSession,
              { id: session.id },
              { noteCiphertext: null, noteKeyId: null, sharedAgreements: null, cancelReason: null },
            );
            touched += 1;
          }
        }
        const blanked = await manager.update(
          CoachingTrajectory,
          { coacheePersonId: personId },
          { coachingQuestion: '', goals: '', closingEvaluation: null },
        );
        touched += blanked.affected ?? 0;
        touched += await this.repository.deleteObservationsOfTeacher(manager, personId);
        return touched;
      },
    });
  }
}
