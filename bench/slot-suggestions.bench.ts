/**
 * slot-suggestions: how long SlotSuggestions takes to find 20 free hours for a coach and a teacher
 * who both have a full term of appointments, in a database of 100,000 appointments; next to the
 * floor, measured in the same run: the one bare mysql2 query of their busy time that any
 * suggestion needs. Target: p99 well under 50 ms. See docs/benchmarks.md.
 *
 *   npm run bench:slot-suggestions -- --appointments 100000 --runs 200
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createConnection } from 'mysql2/promise';
import {
  AppConfigModule,
  DatabaseModule,
  loadConfig,
  migrateDatabase,
  readEnvironment,
  RedisModule,
} from '@leerkring/core';
import { QueuesModule } from '@leerkring/notifications';
import { SchedulingModule, SlotSuggestions } from '@leerkring/scheduling';
import {
  deleteBenchRedisKeys,
  dropBenchDatabase,
  parseFlags,
  percentiles,
  round,
  runBench,
  timed,
  type Bench,
} from './lib';
import { seedSchedulingFixture } from './lib/scheduling-fixture';

const NAME = 'slot-suggestions';

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, SchedulingModule] })
class BenchSchedulingModule {}

runBench(NAME, async (bench: Bench) => {
  const flags = parseFlags(NAME, {
    appointments: { default: 100_000, min: 1000, max: 1_000_000, description: 'appointments in the database' },
    runs: { default: 200, min: 10, max: 10_000, description: 'timed searches per side' },
  });
  const { env, checks, log } = bench;
  bench.defer('drop the bench database', () => dropBenchDatabase(env));
  bench.defer('delete the bench Redis keys', () => deleteBenchRedisKeys(env));
  await dropBenchDatabase(env);
  await migrateDatabase(loadConfig(readEnvironment()).database);

  const connection = await createConnection({ uri: env.databaseUrl, timezone: 'Z' });
  bench.defer('close the baseline connection', () => connection.end());
  log(`seeding ${flags.appointments} appointments ...`);
  const fixture = await seedSchedulingFixture(connection, { total: flags.appointments, people: 2000, schools: 40 });

  const app = await NestFactory.createApplicationContext(BenchSchedulingModule, { logger: ['error', 'warn'] });
  bench.defer('close the application context', () => app.close());
  const slots = app.get(SlotSuggestions);
  const search = () =>
    slots.find({
      personIds: [fixture.coachId, fixture.teacherId],
      schoolId: fixture.schoolId,
      durationMinutes: 60,
      from: fixture.termFrom,
      to: fixture.termTo,
      count: 20,
      now: new Date('2026-12-01T12:00:00Z'),
    });
  const baseline = () =>
    connection.query(
      `SELECT p.person_id, a.starts_at, a.ends_at, a.school_id
         FROM appointment_participant p JOIN appointment a ON a.id = p.appointment_id
        WHERE p.person_id IN (?, ?) AND p.removed_at IS NULL AND a.status = 'scheduled'
          AND a.starts_at < ? AND a.ends_at > ?`,
      [
        fixture.coachId,
        fixture.teacherId,
        new Date(`${fixture.termTo}T23:00:00Z`),
        new Date(`${fixture.termFrom}T00:00:00Z`),
      ],
    );

  for (let i = 0; i < 10; i += 1) {
    await search();
    await baseline();
  }
  const ours: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < flags.runs; run += 1) {
    ours.push((await timed(search)).ms);
    bare.push((await timed(baseline)).ms);
  }
  const found = await search();

  // Correctness: 20 slots, each clear of both people's appointments, on school days 08:00–17:00.
  checks.check('20 suggestions found', found.length === 20, `${found.length}`);
  const [busy] = (await baseline()) as unknown as [Array<{ starts_at: Date; ends_at: Date }>];
  const clashing = found.filter((slot) =>
    busy.some((interval) => interval.starts_at < slot.end && slot.start < interval.ends_at),
  ).length;
  checks.check('no suggestion overlaps an appointment of either person', clashing === 0, `${clashing} overlap`);
  const outside = found.filter((slot) => {
    const local = new Date(slot.start.getTime() + 3_600_000);
    const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
    return local.getUTCDay() % 6 === 0 || minutes < 480 || minutes + 60 > 1020;
  }).length;
  checks.check('every suggestion on a weekday within 08:00–17:00', outside === 0, `${outside} outside`);

  const o = percentiles(ours);
  const b = percentiles(bare);
  return {
    title: `slot-suggestions: 20 one-hour slots for a coach and a teacher with a full term, ${fixture.appointments} appointments`,
    sections: [
      {
        title: 'run',
        rows: [
          { label: 'appointments in the database', value: fixture.appointments },
          { label: "the coach's in the term", value: fixture.coachAppointments },
          { label: 'timed searches per side', value: flags.runs },
        ],
      },
      {
        title: 'Leerkring: SlotSuggestions.find (patterns, closures, busy time, travel buffer, notice)',
        rows: [
          { label: 'p50', value: round(o.p50, 2), unit: 'ms' },
          { label: 'p99', value: round(o.p99, 2), unit: 'ms' },
        ],
      },
      {
        title: 'baseline: the bare mysql2 query of both people’s busy time',
        rows: [
          { label: 'p50', value: round(b.p50, 2), unit: 'ms' },
          { label: 'p99', value: round(b.p99, 2), unit: 'ms' },
        ],
      },
    ],
    result: {
      bench: NAME,
      appointments: fixture.appointments,
      suggestions: found.length,
      p50_ms: round(o.p50, 2),
      p99_ms: round(o.p99, 2),
      baseline_p50_ms: round(b.p50, 2),
      baseline_p99_ms: round(b.p99, 2),
    },
  };
});
