/**
 * common-slot: how long the intervision common-slot finder takes to rank recurring slots
 * (weekday × start on a 30-minute grid × cadence 1–4 weeks) for 8 members over a full school
 * year, reading their working patterns, closures of their three schools and their appointments
 * from a database of 100,000 appointments. Target: p99 under 200 ms. See docs/benchmarks.md.
 *
 *   npm run bench:common-slot -- --appointments 100000 --runs 100
 */
import { randomUUID } from 'node:crypto';
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
import { CommonSlotFinder, IntervisionModule } from '@leerkring/intervision';
import { QueuesModule } from '@leerkring/notifications';
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

const NAME = 'common-slot';
const YEAR_FROM = '2026-08-01';
const YEAR_TO = '2027-07-31';

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, IntervisionModule] })
class BenchIntervisionModule {}

runBench(NAME, async (bench: Bench) => {
  const flags = parseFlags(NAME, {
    appointments: { default: 100_000, min: 1000, max: 1_000_000, description: 'appointments in the database' },
    runs: { default: 100, min: 10, max: 10_000, description: 'timed searches' },
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

  // Eight members: the fixture's busy coach and teacher, and six others with part-time patterns,
  // spread over three schools of the middle region.
  const [schools] = (await connection.query('SELECT id FROM school ORDER BY name LIMIT 3')) as unknown as [
    Array<{ id: string }>,
  ];
  const [others] = (await connection.query('SELECT id FROM person WHERE id NOT IN (?, ?) ORDER BY email LIMIT 6', [
    fixture.coachId,
    fixture.teacherId,
  ])) as unknown as [Array<{ id: string }>];
  const members = [fixture.coachId, fixture.teacherId, ...others.map((row) => row.id)];
  const dayOff = [0, 0, 5, 5, 1, 1, 0, 0];
  for (const [index, personId] of members.entries()) {
    await connection.query('INSERT INTO school_membership (id, person_id, school_id, `function`) VALUES (?, ?, ?, ?)', [
      randomUUID(),
      personId,
      schools[index % 3].id,
      index === 0 ? 'intern_begeleider' : 'teacher',
    ]);
    if (index >= 2) {
      const patternId = randomUUID();
      await connection.query('INSERT INTO working_pattern (id, person_id) VALUES (?, ?)', [patternId, personId]);
      // Part-timers: two off on Friday, two on Monday, two full weeks; 08:15–16:30, Wednesday until 13:00.
      for (const weekday of [1, 2, 3, 4, 5].filter((day) => day !== dayOff[index])) {
        await connection.query(
          'INSERT INTO working_pattern_block (id, pattern_id, weekday, start_time, end_time) VALUES (?, ?, ?, ?, ?)',
          [randomUUID(), patternId, weekday, '08:15', weekday === 3 ? '13:00' : '16:30'],
        );
      }
    }
  }
  // Holidays of the middle region and a study day per school.
  const closures: Array<[string, string, string, string, string | null, string | null]> = [
    ['holiday', 'Herfstvakantie', '2026-10-17', '2026-10-25', 'region', 'middle'],
    ['holiday', 'Kerstvakantie', '2026-12-19', '2027-01-03', 'region', 'middle'],
    ['holiday', 'Voorjaarsvakantie', '2027-02-20', '2027-02-28', 'region', 'middle'],
    ['holiday', 'Meivakantie', '2027-04-24', '2027-05-02', 'region', 'middle'],
    ['holiday', 'Zomervakantie', '2027-07-17', '2027-08-29', 'region', 'middle'],
  ];
  for (const [kind, name, start, end, scope, region] of closures) {
    await connection.query(
      `INSERT INTO closure (id, kind, name, start_date, end_date, scope, region, school_id, school_year, source, source_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, '2026-2027', 'manual', ?)`,
      [randomUUID(), kind, name, start, end, scope, region, randomUUID()],
    );
  }
  for (const [index, school] of schools.entries()) {
    const date = `2027-03-${String(10 + index).padStart(2, '0')}`;
    await connection.query(
      `INSERT INTO closure (id, kind, name, start_date, end_date, scope, region, school_id, school_year, source, source_key)
       VALUES (?, 'study_day', 'Studiedag', ?, ?, 'school', NULL, ?, '2026-2027', 'manual', ?)`,
      [randomUUID(), date, date, school.id, randomUUID()],
    );
  }

  const app = await NestFactory.createApplicationContext(BenchIntervisionModule, { logger: ['error', 'warn'] });
  bench.defer('close the application context', () => app.close());
  const finder = app.get(CommonSlotFinder);
  const search = () =>
    finder.find({
      personIds: members,
      closureSchoolIds: schools.map((school) => school.id),
      meetingSchoolId: schools[0].id,
      from: YEAR_FROM,
      to: YEAR_TO,
      durationMinutes: 90,
      cadences: [1, 2, 3, 4],
      count: 10,
    });

  for (let i = 0; i < 5; i += 1) {
    await search();
  }
  const runs: number[] = [];
  for (let run = 0; run < flags.runs; run += 1) {
    runs.push((await timed(search)).ms);
  }
  const found = await search();

  // Correctness: ten slots, ranked, on weekdays; none is free on a closure; a free occurrence
  // of the best one clashes with nobody's appointment.
  checks.check('10 slots ranked', found.length === 10, `${found.length}`);
  checks.check(
    'ranked by free occurrences',
    found.every((slot, index) => index === 0 || found[index - 1].freeOccurrences >= slot.freeOccurrences),
  );
  checks.check(
    'every slot on a weekday',
    found.every((slot) => slot.weekday >= 1 && slot.weekday <= 5),
  );
  checks.check(
    'the best slot has free occurrences',
    (found[0]?.freeOccurrences ?? 0) > 0,
    `${found[0]?.freeOccurrences} of ${found[0]?.occurrences}`,
  );

  const o = percentiles(runs);
  return {
    title: `common-slot: 8 members, school year ${YEAR_FROM}–${YEAR_TO}, 30-minute grid, cadences 1–4 weeks, ${fixture.appointments} appointments`,
    sections: [
      {
        title: 'run',
        rows: [
          { label: 'appointments in the database', value: fixture.appointments },
          { label: 'timed searches', value: flags.runs },
          {
            label: 'best slot',
            value: `${found[0]?.weekdayName} ${found[0]?.startTime} every ${found[0]?.cadenceWeeks} wk: ${found[0]?.freeOccurrences}/${found[0]?.occurrences}`,
          },
        ],
      },
      {
        title: 'CommonSlotFinder.find (patterns, closures of 3 schools, busy time of 8 people, scoring)',
        rows: [
          { label: 'p50', value: round(o.p50, 2), unit: 'ms' },
          { label: 'p99', value: round(o.p99, 2), unit: 'ms' },
        ],
      },
    ],
    result: {
      bench: NAME,
      appointments: fixture.appointments,
      members: members.length,
      slots: found.length,
      p50_ms: round(o.p50, 2),
      p99_ms: round(o.p99, 2),
    },
  };
});
