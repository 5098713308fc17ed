import { ApiException, ErrorCode } from '@leerkring/core';
import type { RequestContext } from '@leerkring/people';
import type { Appointment } from '@leerkring/scheduling';

/** Who called and how, for the audit log. */
export type CoachingContext = RequestContext;

export const TEACHING_FUNCTIONS = ['teacher', 'starter', 'trainee', 'teaching_assistant'] as const;

export function forbidden(title: string): ApiException {
  return new ApiException(403, ErrorCode.Forbidden, title);
}

/** Refuses a change based on an older version of the appointment (409 stale_version). */
export function assertVersion(appointment: Appointment, expected: number | undefined): void {
  if (expected === undefined) {
    throw ApiException.validation([
      { field: 'version', messages: ['send the version you last saw, in the body or as If-Match'] },
    ]);
  }
  if (expected !== appointment.version) {
    throw ApiException.conflict(ErrorCode.StaleVersion, 'The appointment has changed since you read it', {
      detail: `You sent version ${expected}; it is now at version ${appointment.version}. Read it again and retry.`,
      extensions: { currentVersion: appointment.version },
    });
  }
}

/**
 * The changes a move asks of the planner: the new times, and the new place where the body names
 * one (`schoolId`, `room`, `onlineUrl`; a field left out keeps its value). The planner checks the
 * rules (closures, travel time between schools) at the new school and keeps a school or a link.
 */
export function moveChanges(input: {
  start: string;
  end: string;
  schoolId?: string | null;
  room?: string;
  onlineUrl?: string | null;
}): { startsAt: Date; endsAt: Date; schoolId?: string | null; room?: string; onlineUrl?: string | null } {
  return {
    startsAt: new Date(input.start),
    endsAt: new Date(input.end),
    ...(input.schoolId !== undefined ? { schoolId: input.schoolId } : {}),
    ...(input.room !== undefined ? { room: input.room } : {}),
    ...(input.onlineUrl !== undefined ? { onlineUrl: input.onlineUrl === '' ? null : input.onlineUrl } : {}),
  };
}
