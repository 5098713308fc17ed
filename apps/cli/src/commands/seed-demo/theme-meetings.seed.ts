import type { DataSource } from 'typeorm';
import { ApiException } from '@leerkring/core';
import {
  AMSTERDAM,
  COACH_FUNCTIONS,
  Person,
  SchoolMembership,
  addDays,
  buildActor,
  dateInZone,
  instantAtWallClock,
  type Actor,
} from '@leerkring/people';
import {
  RegistrationsService,
  ThemeMeeting,
  ThemeMeetingsService,
  type CreateThemeMeetingDto,
} from '@leerkring/theme-meetings';
import type { SeedProgress } from './seed-progress';

export interface ThemeMeetingSeedServices {
  dataSource: DataSource;
  meetings: ThemeMeetingsService;
  registrations: RegistrationsService;
}

/** The catalogue: some meetings more popular than their seats, so the demo shows waitlists. */
const CATALOGUE: Array<{
  input: Omit<CreateThemeMeetingDto, 'sessions' | 'registrationOpensAt' | 'registrationClosesAt' | 'schoolId'>;
  signUps: number;
}> = [
  {
    input: {
      title: 'Rekenen: met sprongen vooruit',
      tags: ['rekenen'],
      format: 'on_site',
      room: 'Aula',
      capacity: 8,
      hoursCredited: 2,
    },
    signUps: 12,
  },
  {
    input: {
      title: 'Gedrag in de klas: de eerste tien minuten',
      tags: ['gedrag', 'klassenmanagement'],
      format: 'hybrid',
      room: 'Teamkamer',
      onlineUrl: 'https://meet.example.org/gedrag-in-de-klas',
      capacity: 5,
      onlineCapacity: 3,
      offerMode: 'offer',
      hoursCredited: 1.5,
    },
    signUps: 10,
  },
  {
    input: {
      title: 'Feedback geven die werkt',
      tags: ['feedback'],
      format: 'online',
      onlineUrl: 'https://meet.example.org/feedback',
      capacity: 25,
      hoursCredited: 1.5,
    },
    signUps: 6,
  },
  {
    input: {
      title: 'Startersdag: je eerste jaar',
      tags: ['starters'],
      format: 'on_site',
      room: 'Aula',
      capacity: 15,
      audienceFunctions: ['starter'],
      hoursCredited: 3,
    },
    signUps: 8,
  },
];

/**
 * Demo theme meetings: a small catalogue organised by a coach of the first demo school, weeks
 * ahead, with sign-ups through the domain services (so seats, waitlists, appointments and their
 * invitations are what the app itself makes); the popular ones end up full with a waitlist.
 * Skipped when any theme meeting exists. A meeting whose time the rules refuse is left out.
 */
export async function seedDemoThemeMeetings(
  services: ThemeMeetingSeedServices,
  schoolIds: string[],
  progress: SeedProgress,
): Promise<{ meetings: number; registrations: number }> {
  const result = { meetings: 0, registrations: 0 };
  const manager = services.dataSource.manager;
  if ((await manager.count(ThemeMeeting)) > 0 || schoolIds.length === 0) {
    progress.line('theme meetings: some exist already, nothing added');
    return result;
  }
  const actorOf = async (personId: string): Promise<Actor> =>
    buildActor(
      await manager.findOneByOrFail(Person, { id: personId }),
      await manager.findBy(SchoolMembership, { personId }),
      'session',
    );
  const memberships = await manager.findBy(SchoolMembership, {});
  const schoolId = schoolIds[0];
  const coachId = memberships.find((m) => m.schoolId === schoolId && COACH_FUNCTIONS.includes(m.function))?.personId;
  if (!coachId) {
    progress.line('theme meetings: no coach at the first demo school, nothing added');
    return result;
  }
  const coach = await actorOf(coachId);
  const today = dateInZone(new Date(), AMSTERDAM);
  for (const [index, { input, signUps }] of CATALOGUE.entries()) {
    const audience = input.audienceFunctions ?? ['teacher', 'starter'];
    const people = [
      ...new Set(
        memberships.filter((m) => audience.includes(m.function) && m.personId !== coachId).map((m) => m.personId),
      ),
    ].slice(index * 3, index * 3 + signUps);
    // An afternoon two weeks ahead or later; the next day when the rules refuse one (a weekend, a holiday).
    for (let day = 14 + index * 5; day < 60 + index * 5; day += 1) {
      const date = addDays(today, day);
      const startsAt = instantAtWallClock(date, 13 * 60 + 30, AMSTERDAM);
      try {
        const meeting = await services.meetings.create(coach, {
          ...input,
          schoolId: input.format === 'online' ? undefined : schoolId,
          sessions: [{ start: startsAt.toISOString(), end: new Date(startsAt.getTime() + 90 * 60_000).toISOString() }],
          registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
          registrationClosesAt: new Date(startsAt.getTime() - 86_400_000).toISOString(),
        });
        result.meetings += 1;
        for (const personId of people) {
          await services.registrations.signUp(await actorOf(personId), meeting.id, {}, undefined);
          result.registrations += 1;
        }
        break;
      } catch (error) {
        if (!(error instanceof ApiException)) {
          throw error;
        }
      }
    }
  }
  progress.line(`theme meetings: ${result.meetings} with ${result.registrations} sign-ups`);
  return result;
}
