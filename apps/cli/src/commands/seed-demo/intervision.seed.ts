import type { DataSource } from 'typeorm';
import { ApiException } from '@leerkring/core';
import { IntervisionGroup, IntervisionService, type IntervisionContext } from '@leerkring/intervision';
import {
  AMSTERDAM,
  COACH_FUNCTIONS,
  Person,
  School,
  SchoolMembership,
  addDays,
  buildActor,
  dateInZone,
  schoolYearOf,
  schoolYearRange,
  type SchoolFunction,
} from '@leerkring/people';
import type { SeedProgress } from './seed-progress';

const GROUPS = 2;
const MEMBERS_PER_GROUP = 5;
const METHODS = ['incident', 'reflecting_team', 'balint', 'topoi'];

export interface IntervisionSeedResult {
  groups: number;
  meetings: number;
  skipped: number;
}

/**
 * Demo intervision: at the first demo schools, a coach facilitates a group of teachers of that
 * school and the next one, on the best common slot (every three weeks, 90 minutes) for the rest
 * of the school year; the first meeting gets a case presenter by the rotation. All through the
 * domain service, as that coach. Skipped when any group exists.
 */
export async function seedDemoIntervision(
  services: { dataSource: DataSource; intervision: IntervisionService },
  schoolIds: string[],
  progress: SeedProgress,
): Promise<IntervisionSeedResult> {
  const result: IntervisionSeedResult = { groups: 0, meetings: 0, skipped: 0 };
  const manager = services.dataSource.manager;
  if ((await manager.count(IntervisionGroup)) > 0) {
    progress.line('intervision: groups exist already, nothing added');
    return result;
  }
  const today = dateInZone(new Date(), AMSTERDAM);
  const schoolYear = schoolYearOf(today);
  for (const [index, schoolId] of schoolIds.slice(0, GROUPS).entries()) {
    const memberships = await manager.findBy(SchoolMembership, { schoolId });
    const coachId = memberships.find((m) => COACH_FUNCTIONS.includes(m.function))?.personId;
    if (!coachId) {
      continue;
    }
    const coach = await manager.findOneByOrFail(Person, { id: coachId });
    const school = await manager.findOneByOrFail(School, { id: schoolId });
    const context: IntervisionContext = {
      actor: buildActor(coach, await manager.findBy(SchoolMembership, { personId: coachId }), 'session'),
      requestId: 'seed:demo',
    };
    const teachersAt = async (id: string | undefined) =>
      id
        ? (await manager.findBy(SchoolMembership, { schoolId: id }))
            .filter((m) => (['teacher', 'starter'] as SchoolFunction[]).includes(m.function) && m.personId !== coachId)
            .map((m) => m.personId)
        : [];
    const neighbour = schoolIds[(index + 1) % schoolIds.length];
    const members = [
      ...new Set([...(await teachersAt(schoolId)).slice(0, 3), ...(await teachersAt(neighbour)).slice(0, 3)]),
    ].slice(0, MEMBERS_PER_GROUP);
    try {
      const group = await services.intervision.create(context, {
        name: `Intervisie ${school.name}`,
        method: METHODS[index % METHODS.length],
        schoolId,
        room: 'Teamkamer',
        schoolYear,
        closurePolicy: index % 2 === 0 ? 'shift' : 'skip',
        memberPersonIds: members,
      });
      result.groups += 1;
      const startsOn = addDays(today, 7);
      const [slot] = (
        await services.intervision.commonSlots(context.actor, group.id, {
          from: startsOn,
          cadence: [3],
          duration: 90,
          count: 1,
        })
      ).items;
      if (!slot) {
        result.skipped += 1;
        continue;
      }
      const series = await services.intervision.createSeries(context, group.id, {
        rrule: slot.rrule,
        startsOn: slot.firstDate,
        until: addDays(schoolYearRange(schoolYear).to, -21),
        startTime: slot.startTime,
        durationMinutes: 90,
      });
      result.meetings += series.meetings.length;
      if (series.meetings[0]) {
        await services.intervision.setCasePresenter(context, series.meetings[0].id, {});
      }
    } catch (error) {
      if (!(error instanceof ApiException)) {
        throw error;
      }
      result.skipped += 1; // a rule refused (the facilitator is busy, too few members): the demo goes on
    }
  }
  progress.line(
    `intervision: ${result.groups} groups, ${result.meetings} meetings` +
      (result.skipped > 0 ? ` (${result.skipped} skipped by a rule)` : ''),
  );
  return result;
}
