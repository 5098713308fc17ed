import type { DataSource } from 'typeorm';
import { CoachingTrajectory, TrajectoriesService, VisitsService, type CoachingContext } from '@leerkring/coaching';
import { ApiException } from '@leerkring/core';
import {
  AMSTERDAM,
  COACH_FUNCTIONS,
  Person,
  SchoolMembership,
  addDays,
  buildActor,
  dateInZone,
  type SchoolFunction,
} from '@leerkring/people';
import { SlotSuggestions } from '@leerkring/scheduling';
import type { SeedProgress } from './seed-progress';

const SCHOOLS = 3;
const TRAJECTORIES_PER_SCHOOL = 2;
const SESSIONS_PER_TRAJECTORY = 4;
const METHODS = ['solution_focused', 'video_interaction', 'co_teaching', 'grow', 'intervision_style'];
const QUESTIONS = [
  ['Hoe krijg ik meer rust in de klas na de pauze?', 'Een vaste start na elke pauze; minder tijd kwijt aan orde.'],
  ['Hoe geef ik verlengde instructie zonder dat de rest stilvalt?', 'Een werkbare routine voor zelfstandig werken.'],
  ['Hoe voer ik een goed oudergesprek?', 'Voorbereid en rustig de lastige gesprekken in.'],
];

export interface CoachingSeedServices {
  dataSource: DataSource;
  trajectories: TrajectoriesService;
  visits: VisitsService;
  slots: SlotSuggestions;
}

export interface CoachingSeedResult {
  trajectories: number;
  sessions: number;
  visits: number;
  skipped: number;
}

/**
 * Demo coaching: at a few demo schools, a coach with two coachees (trajectories with sessions
 * on suggested free times, a note and agreements on the first) and one classroom visit. All
 * through the domain services, as that coach, so appointments, participants, versions, outbox
 * rows and audit events are what the app itself would write. Skipped when any trajectory exists.
 */
export async function seedDemoCoaching(
  services: CoachingSeedServices,
  schoolIds: string[],
  progress: SeedProgress,
): Promise<CoachingSeedResult> {
  const result: CoachingSeedResult = { trajectories: 0, sessions: 0, visits: 0, skipped: 0 };
  const manager = services.dataSource.manager;
  if ((await manager.count(CoachingTrajectory)) > 0) {
    progress.line('coaching: trajectories exist already, nothing added');
    return result;
  }
  const today = dateInZone(new Date(), AMSTERDAM);
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof ApiException)) {
        throw error;
      }
      result.skipped += 1; // a rule refused (no free time, a line manager): the demo goes on
    }
  };
  for (const [index, schoolId] of schoolIds.slice(0, SCHOOLS).entries()) {
    const memberships = await manager.findBy(SchoolMembership, { schoolId });
    const coachId = memberships.find((m) => COACH_FUNCTIONS.includes(m.function))?.personId;
    if (!coachId) {
      continue;
    }
    const coach = await manager.findOneByOrFail(Person, { id: coachId });
    const context: CoachingContext = {
      actor: buildActor(coach, await manager.findBy(SchoolMembership, { personId: coachId }), 'session'),
      requestId: 'seed:demo',
    };
    const teachers = memberships
      .filter((m) => (['teacher', 'starter'] as SchoolFunction[]).includes(m.function) && m.personId !== coachId)
      .map((m) => m.personId);
    for (const [n, coacheeId] of teachers.slice(0, TRAJECTORIES_PER_SCHOOL).entries()) {
      await attempt(async () => {
        const [question, goals] = QUESTIONS[(index + n) % QUESTIONS.length];
        const trajectory = await services.trajectories.create(context, {
          coacheePersonId: coacheeId,
          schoolId,
          coachingQuestion: question,
          goals,
          method: METHODS[(index * 2 + n) % METHODS.length],
          plannedSessions: SESSIONS_PER_TRAJECTORY + 2,
          startDate: today,
        });
        result.trajectories += 1;
        const slots = await services.trajectories.slotSuggestions(context.actor, trajectory.id, {
          from: addDays(today, 2 + n),
          to: addDays(today, 60),
          duration: 60,
          count: 50,
        });
        // One session a fortnight (or the next free time after that).
        let notBefore = 0;
        let planned = 0;
        for (const slot of slots.items) {
          if (planned >= SESSIONS_PER_TRAJECTORY || Date.parse(slot.start) < notBefore) {
            continue;
          }
          await attempt(async () => {
            const session = await services.trajectories.planSession(context, trajectory.id, slot);
            if (notBefore === 0) {
              await services.trajectories.putNote(
                context,
                session.id,
                'Kennismaking; de vraag is scherp. Vertrouwelijk: twijfelt over de combinatie met de studie.',
              );
              await services.trajectories.putAgreements(
                context,
                session.id,
                'Twee weken de nieuwe aanpak proberen en een voorbeeld meenemen naar het volgende gesprek.',
              );
            }
            result.sessions += 1;
            planned += 1;
            notBefore = Date.parse(slot.start) + 14 * 86_400_000;
          });
        }
      });
    }
    const visited = teachers[TRAJECTORIES_PER_SCHOOL] ?? teachers[0];
    if (visited) {
      await attempt(async () => {
        const [lesson] = await services.slots.find({
          personIds: [coachId, visited],
          schoolId,
          durationMinutes: 45,
          from: addDays(today, 14),
          to: addDays(today, 40),
          count: 1,
        });
        if (!lesson) {
          result.skipped += 1;
          return;
        }
        await services.visits.create(context, {
          teacherPersonId: visited,
          schoolId,
          groupName: `groep ${3 + index}`,
          start: lesson.start.toISOString(),
          end: lesson.end.toISOString(),
        });
        result.visits += 1;
      });
    }
  }
  progress.line(
    `coaching: ${result.trajectories} trajectories, ${result.sessions} sessions, ${result.visits} classroom visits` +
      (result.skipped > 0 ? ` (${result.skipped} skipped by a scheduling rule)` : ''),
  );
  return result;
}
