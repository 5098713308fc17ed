/**
 * agenda: a month of a busy coach's agenda (each appointment with its participants' names and
 * its school) from a database of 100,000 appointments, through AppointmentsService; next to the
 * same rows read with one bare mysql2 query in the same run. See docs/benchmarks.md.
 *
 *   npm run bench:agenda -- --appointments 100000 --runs 200
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
import type { Actor } from '@leerkring/people';
import { AppointmentsService, SchedulingModule } from '@leerkring/scheduling';
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

const NAME = 'agenda';
const FROM = '2027-02-01T00:00:00+01:00';
const TO = '2027-03-01T00:00:00+01:00';

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, SchedulingModule] })
class BenchAgendaModule {}

runBench(NAME, async (bench: Bench) => {
  const flags = parseFlags(NAME, {
    appointments: { default: 100_000, min: 1000, max: 1_000_000, description: 'appointments in the database' },
    runs: { default: 200, min: 10, max: 10_000, description: 'timed reads per side' },
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

  const app = await NestFactory.createApplicationContext(BenchAgendaModule, { logger: ['error', 'warn'] });
  bench.defer('close the application context', () => app.close());
  const appointments = app.get(AppointmentsService);
  const coach = { personId: fixture.coachId, isAdmin: false, roles: new Set(['coach']) } as unknown as Actor;
  const ours = () => appointments.agenda(coach, { from: FROM, to: TO });
  const baseline = () =>
    connection.query(
      `SELECT a.*, s.name AS school_name, p.person_id, p.role, p.rsvp, x.given_name, x.family_name_prefix, x.family_name
         FROM appointment_participant mine
         JOIN appointment a ON a.id = mine.appointment_id
         JOIN appointment_participant p ON p.appointment_id = a.id
         JOIN person x ON x.id = p.person_id
         LEFT JOIN school s ON s.id = a.school_id
        WHERE mine.person_id = ? AND mine.removed_at IS NULL AND a.ends_at > ? AND a.starts_at < ?
        ORDER BY a.starts_at, a.id`,
      [fixture.coachId, new Date(FROM), new Date(TO)],
    );

  for (let i = 0; i < 10; i += 1) {
    await ours();
    await baseline();
  }
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (let run = 0; run < flags.runs; run += 1) {
    oursMs.push((await timed(ours)).ms);
    bareMs.push((await timed(baseline)).ms);
  }
  const { items } = await ours();
  const [rows] = (await baseline()) as unknown as [Array<{ id: string }>];
  const expected = new Set(rows.map((row) => row.id)).size;
  checks.check(
    'the agenda holds every appointment of the month',
    items.length === expected,
    `${items.length} of ${expected}`,
  );
  checks.check(
    'every item has its participants and school',
    items.every((item) => item.participants.length >= 2 && item.location.schoolName !== null),
  );

  const o = percentiles(oursMs);
  const b = percentiles(bareMs);
  return {
    title: `agenda: a busy coach's month (${items.length} appointments) among ${fixture.appointments}`,
    sections: [
      {
        title: 'run',
        rows: [
          { label: 'appointments in the database', value: fixture.appointments },
          { label: 'appointments in the month', value: items.length },
          { label: 'timed reads per side', value: flags.runs },
        ],
      },
      {
        title: 'Leerkring: AppointmentsService.agenda (appointments, participants with names, schools; mapped)',
        rows: [
          { label: 'p50', value: round(o.p50, 2), unit: 'ms' },
          { label: 'p99', value: round(o.p99, 2), unit: 'ms' },
        ],
      },
      {
        title: 'baseline: the same rows in one bare mysql2 join',
        rows: [
          { label: 'p50', value: round(b.p50, 2), unit: 'ms' },
          { label: 'p99', value: round(b.p99, 2), unit: 'ms' },
        ],
      },
    ],
    result: {
      bench: NAME,
      appointments: fixture.appointments,
      month_items: items.length,
      p50_ms: round(o.p50, 2),
      p99_ms: round(o.p99, 2),
      baseline_p50_ms: round(b.p50, 2),
      baseline_p99_ms: round(b.p99, 2),
    },
  };
});
