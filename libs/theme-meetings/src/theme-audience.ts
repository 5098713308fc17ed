import { Injectable } from '@nestjs/common';
import { ApiException } from '@leerkring/core';
import type { Actor } from '@leerkring/people';
import type { ThemeMeeting } from './theme-meeting.entity';
import { ThemeMeetingsRepository } from './theme-meetings.repository';

/** The caller's functions at any school, e.g. ['teacher', 'starter']. */
export function functionsOf(actor: Actor): string[] {
  return [...new Set([...actor.functionsBySchool.values()].flatMap((functions) => [...functions]))];
}

/**
 * Who a meeting is for: admins and its organiser see it always; anyone else when they work at
 * one of its audience schools (or it is for the whole foundation) and hold one of its audience
 * functions (or it is for every function). For anyone else it does not exist (404).
 */
export function inAudience(actor: Actor, meeting: ThemeMeeting): boolean {
  if (actor.isAdmin || actor.personId === meeting.organizerPersonId) {
    return true;
  }
  const schools = meeting.audienceSchoolIds;
  const functions = meeting.audienceFunctions;
  return [...actor.functionsBySchool.entries()].some(
    ([schoolId, held]) =>
      (schools === null || schools.includes(schoolId)) &&
      (functions === null || functions.some((fn) => held.has(fn as never))),
  );
}

@Injectable()
export class ThemeAudience {
  constructor(private readonly repository: ThemeMeetingsRepository) {}

  async visibleMeeting(actor: Actor, meetingId: string): Promise<ThemeMeeting> {
    return this.assertVisible(actor, await this.repository.findMeeting(meetingId));
  }

  /** The meeting when the actor may see it; 404 when it is missing or not for them. */
  assertVisible(actor: Actor, meeting: ThemeMeeting | null): ThemeMeeting {
    if (!meeting || !inAudience(actor, meeting)) {
      throw ApiException.notFound('The theme meeting');
    }
    return meeting;
  }
}
