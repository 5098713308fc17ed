import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { APP_CONFIG, inTransaction, withNamedLock, type AppConfig } from '@leerkring/core';
import { MailDispatcher, type MailStatus } from '@leerkring/notifications';
import { TrajectoriesService, VisitsService } from '@leerkring/coaching';
import { IntervisionService } from '@leerkring/intervision';
import { RegistrationsService, ThemeMeetingsService } from '@leerkring/theme-meetings';
import { COACH_FUNCTIONS, Person, School, seedSchoolCalendar } from '@leerkring/people';
import { SlotSuggestions } from '@leerkring/scheduling';
import { seedDemoCoaching } from './coaching.seed';
import { seedDemoIntervision } from './intervision.seed';
import { seedDemoThemeMeetings } from './theme-meetings.seed';
import { demoCounts, generateDemoFoundation, type DemoCounts } from './demo-foundation';
import { writeDemoFoundation, type DemoWriteResult } from './demo-foundation.writer';
import { DemoSeedRepository } from './demo-seed.repository';
import { seedDemoWorkingPatterns } from './demo-working-patterns';
import type { SeedProgress } from './seed-progress';
import { renderWelcomeMail } from './welcome-mail';

export interface SeedDemoOptions {
  /** Seed only when the foundation table is empty (what `npm start` asks for). */
  ifEmpty: boolean;
  progress: SeedProgress;
}

export type SeedDemoResult =
  | { seeded: false; existingFoundation: string }
  | (DemoWriteResult & { seeded: true; counts: DemoCounts; adminEmail: string; welcomeMail: MailStatus });

const SEED_LOCK = 'leerkring:seed-demo';
const SEED_LOCK_TIMEOUT_S = 120;

/** Closures (holidays, public holidays, study days) for the demo schools, and everyone's working week. */
async function seedCalendarAndPatterns(
  manager: EntityManager,
  demo: ReturnType<typeof generateDemoFoundation>,
  progress: SeedProgress,
): Promise<void> {
  const schools = await manager.findBy(School, { brin: In(demo.schools.map((school) => school.brin)) });
  const calendar = await seedSchoolCalendar(
    manager,
    schools.map(({ id, holidayRegion }) => ({ id, holidayRegion })),
  );
  progress.line(
    `school calendar: ${calendar.schoolYears.join(', ')}; holidays ${calendar.holidays.created} new, ` +
      `public holidays ${calendar.publicHolidays.created} new, study days ${calendar.studyDays.created} new`,
  );
  const people = await manager.find(Person, { where: { email: In(demo.people.map((person) => person.email)) } });
  const coachEmails = new Set(
    demo.memberships.filter((membership) => COACH_FUNCTIONS.includes(membership.function)).map((m) => m.email),
  );
  const added = await seedDemoWorkingPatterns(
    manager,
    people.map((person) => ({ id: person.id, email: person.email, isCoach: coachEmails.has(person.email) })),
  );
  progress.line(`working patterns: ${added} new`);
}

/** Creates (or completes) the demo foundation, then queues the welcome mail to its admin. */
@Injectable()
export class SeedDemoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly trajectories: TrajectoriesService,
    private readonly visits: VisitsService,
    private readonly slots: SlotSuggestions,
    private readonly intervision: IntervisionService,
    private readonly themeMeetings: ThemeMeetingsService,
    private readonly themeRegistrations: RegistrationsService,
  ) {}

  async seed(options: SeedDemoOptions): Promise<SeedDemoResult> {
    const demo = generateDemoFoundation();
    const written = await withNamedLock(this.dataSource, SEED_LOCK, SEED_LOCK_TIMEOUT_S, async (runner) => {
      const repository = new DemoSeedRepository(runner.manager);
      if (options.ifEmpty) {
        const [existing] = await repository.findFoundations();
        if (existing) {
          return { seeded: false, existingFoundation: existing.name } as const;
        }
      }
      const result = await inTransaction(runner, async () => {
        const foundation = await writeDemoFoundation(repository, demo, options.progress);
        await seedCalendarAndPatterns(runner.manager, demo, options.progress);
        return foundation;
      });
      return { seeded: true, ...result } as const;
    });
    if (!written.seeded) {
      return written;
    }

    // Coaching goes through the domain services (planner, rules, outbox), after the foundation committed.
    const schools = await this.dataSource.manager.findBy(School, { brin: In(demo.schools.map((s) => s.brin)) });
    await seedDemoCoaching(
      { dataSource: this.dataSource, trajectories: this.trajectories, visits: this.visits, slots: this.slots },
      schools.map((school) => school.id),
      options.progress,
    );
    await seedDemoIntervision(
      { dataSource: this.dataSource, intervision: this.intervision },
      schools.map((school) => school.id),
      options.progress,
    );
    await seedDemoThemeMeetings(
      { dataSource: this.dataSource, meetings: this.themeMeetings, registrations: this.themeRegistrations },
      schools.map((school) => school.id),
      options.progress,
    );

    // After the commit: the mail row refers to the admin, and the worker may pick it up at once.
    const counts = demoCounts(demo);
    const admin = demo.people.find((person) => person.email === demo.adminEmail);
    const message = await this.mail.dispatch(
      renderWelcomeMail({
        foundationName: written.foundationName,
        admin: { id: written.adminPersonId, email: demo.adminEmail, givenName: admin?.givenName ?? '' },
        counts,
        regions: demo.schools.map((school) => school.holidayRegion),
        publicUrl: this.config.publicUrl,
      }),
    );
    return { ...written, counts, adminEmail: demo.adminEmail, welcomeMail: message.status };
  }
}
