import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a conflict check sees: the appointment as it will be, and who takes part. */
export interface PlannedAppointment {
  /** Undefined for a new appointment. */
  id?: string;
  startsAt: Date;
  endsAt: Date;
  schoolId: string | null;
  room: string;
  personIds: string[];
}

/**
 * The seam for double-booking prevention (issue 5). It runs inside the change's transaction,
 * after the appointment row is locked and before anything is written, and throws an
 * ApiException (409) to refuse. Until issue 5 replaces this provider it allows everything.
 */
@Injectable()
export class AppointmentConflicts {
  async assertFree(_manager: EntityManager, _planned: PlannedAppointment): Promise<void> {
    // Intentionally empty: see the class comment.
  }
}
