/**
 * reminder-fanout: how Leerkring's reminders go out when many are due at once (burst) and when
 * they are due evenly over a minute (spread), next to a bare BullMQ + nodemailer baseline
 * measured in the same run against the same SMTP sink. See docs/benchmarks.md.
 *
 *   npm run bench:reminder-fanout -- --reminders 10000 --spread-seconds 60
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import { createTransport } from 'nodemailer';
import type { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AppConfigModule,
  DatabaseModule,
  loadConfig,
  migrateDatabase,
  readEnvironment,
  redisConnectionOptions,
  type AppConfig,
} from '@leerkring/core';
import { JobQueue, QueueName, QueuesModule } from '@leerkring/notifications';
import { Person } from '@leerkring/people';
import { Appointment, AppointmentParticipant, ReminderScheduler } from '@leerkring/scheduling';
// The repository is not exported from the library (only the scheduler uses it); the bench builds the scheduler by hand.
import { RemindersRepository } from '../libs/scheduling/src/reminders/reminders.repository';
import {
  deleteBenchRedisKeys,
  dropBenchDatabase,
  ensureBuilt,
  installSmtpNoDelay,
  now,
  parseFlags,
  percentiles,
  perSecond,
  round,
  runBench,
  SmtpCounter,
  startBuiltApp,
  waitUntil,
  type Bench,
  type Percentiles,
  waitForWorkerReady,
} from './lib';

const NAME = 'reminder-fanout';
/** One reminder per participant, an hour before the start: REMINDER_OFFSETS of the worker and the planner. */
const OFFSETS = { '*': ['1h'] };
const LEAD_MS = 3_600_000;
const PARTICIPANTS_PER_APPOINTMENT = 10;
/** Time allowed to plan the reminders before the first is due, per reminder, plus a fixed part. */
const PLAN_MARGIN_MS = (reminders: number) => 5_000 + reminders * 1.5;

interface Flags {
  reminders: number;
  spreadSeconds: number;
  concurrency: number;
  connections: number;
  /** 0: V8's default heap limit; else `--max-old-space-size` for the worker (a what-if). */
  workerHeapMb: number;
}

/** One part's outcome on one side. */
interface PartResult {
  throughput: number;
  lateness: Percentiles;
  /** first arrival → last arrival */
  elapsedMs: number;
  arrivedOnce: number;
  missing: number;
  duplicated: number;
}

/** The bench's wall clock of a `now()` instant (the sink records `now()`). */
const wallOffset = Date.now() - now();
const wallOf = (at: number) => at + wallOffset;

function measurePart(sink: SmtpCounter, messageIds: string[], dueAt: Map<string, number>): PartResult {
  const counts = messageIds.map((id) => sink.count(id));
  const arrivals = messageIds.map((id) => sink.arrivedAt(id)).filter((at): at is number => at !== undefined);
  const first = Math.min(...arrivals);
  const last = Math.max(...arrivals);
  return {
    throughput: perSecond(arrivals.length, last - first),
    elapsedMs: last - first,
    lateness: percentiles(
      messageIds
        .filter((id) => sink.arrivedAt(id) !== undefined)
        .map((id) => wallOf(sink.arrivedAt(id)!) - dueAt.get(id)!),
    ),
    arrivedOnce: counts.filter((count) => count === 1).length,
    missing: counts.filter((count) => count === 0).length,
    duplicated: counts.filter((count) => count > 1).length,
  };
}

/** Due moments for `count` reminders: all at `from` (burst), or evenly over `spreadMs`. */
function dueMoments(count: number, from: number, spreadMs: number): number[] {
  return Array.from({ length: count }, (_, index) => Math.round(from + (spreadMs * index) / count));
}

/** People and appointments straight into the database: `dues.length` reminders, ten per appointment. */
async function insertAppointments(
  dataSource: DataSource,
  people: Person[],
  label: string,
  dues: number[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < dues.length; start += PARTICIPANTS_PER_APPOINTMENT) {
    const id = randomUUID();
    const startsAt = new Date(dues[start] + LEAD_MS);
    ids.push(id);
    await dataSource.getRepository(Appointment).insert({
      id,
      kind: 'coaching_session',
      title: `Coachgesprek ${label} ${ids.length}`,
      description: null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      zone: 'Europe/Amsterdam',
      schoolId: null,
      room: '',
      onlineUrl: 'https://meet.example.test/coaching',
      status: 'scheduled',
      version: 0,
      icalUid: `${id}@leerkring.bench`,
      organizerPersonId: people[0].id,
    });
    await dataSource.getRepository(AppointmentParticipant).insert(
      Array.from({ length: Math.min(PARTICIPANTS_PER_APPOINTMENT, dues.length - start) }, (_, offset) => ({
        id: randomUUID(),
        appointmentId: id,
        personId: people[1 + ((start + offset) % (people.length - 1))].id,
        role: 'required' as const,
        rsvp: 'needs_action' as const,
        addedVersion: 0,
        removedAt: null,
        removedVersion: null,
        rsvpAt: null,
      })),
    );
  }
  return ids;
}

@Module({ imports: [AppConfigModule, DatabaseModule, QueuesModule] })
class BenchQueuesModule {}

/** Our side: the real worker process (reminder, mail processors), the real planner, MariaDB and BullMQ. */
async function measureLeerkring(bench: Bench, flags: Flags, sink: SmtpCounter) {
  const { log, checks } = bench;
  const worker = startBuiltApp('worker', {
    SMTP_URL: sink.url,
    WORKER_CONCURRENCY: String(flags.concurrency),
    SMTP_MAX_CONNECTIONS: String(flags.connections),
    REMINDER_OFFSETS: JSON.stringify(OFFSETS),
    ...(flags.workerHeapMb > 0 ? { NODE_OPTIONS: `--max-old-space-size=${flags.workerHeapMb}` } : {}),
  });
  bench.defer('stop the worker', () => worker.stop());
  let context: INestApplicationContext | undefined = await NestFactory.createApplicationContext(BenchQueuesModule, {
    logger: false,
  });
  const closeContext = async () => {
    const open = context;
    context = undefined;
    await open?.close();
  };
  bench.defer('close the Nest context', closeContext);
  const dataSource = context.get<DataSource>(getDataSourceToken());
  const config = context.get<AppConfig>(APP_CONFIG);
  const scheduler = new ReminderScheduler(new RemindersRepository(dataSource), context.get(JobQueue), {
    ...config,
    reminders: { offsets: OFFSETS },
  });

  log(`waiting for the worker (pid ${worker.pid}) to be ready`);
  await waitForWorkerReady(worker, config, QueueName.Reminders);

  const people = Array.from({ length: 1 + Math.min(1000, flags.reminders) }, (_, index) =>
    dataSource.getRepository(Person).create({
      id: randomUUID(),
      givenName: 'Collega',
      familyNamePrefix: '',
      familyName: `${index}`,
      email: `collega.${index}@school.test`,
      language: index % 5 === 0 ? 'en' : 'nl',
      isAdmin: false,
      active: true,
      remindersEnabled: true,
    }),
  );
  for (let start = 0; start < people.length; start += 200) {
    await dataSource.getRepository(Person).insert(people.slice(start, start + 200));
  }

  const part = async (label: string, spreadMs: number) => {
    const firstDue = Date.now() + PLAN_MARGIN_MS(flags.reminders);
    const dues = dueMoments(flags.reminders, firstDue, spreadMs);
    const appointmentIds = await insertAppointments(dataSource, people, label, dues);
    const planStartedAt = now();
    let planned = 0;
    for (let start = 0; start < appointmentIds.length; start += 20) {
      const outcomes = await Promise.all(appointmentIds.slice(start, start + 20).map((id) => scheduler.plan(id)));
      planned += outcomes.reduce((sum, outcome) => sum + outcome.added, 0);
    }
    const planMs = now() - planStartedAt;
    checks.check(
      `leerkring ${label}: every reminder planned before the first was due`,
      Date.now() < firstDue,
      `${round(planMs)} ms`,
    );
    checks.check(
      `leerkring ${label}: ${flags.reminders} reminder jobs planned`,
      planned === flags.reminders,
      `${planned}`,
    );
    log(
      `${label}: ${planned} reminders planned in ${round(planMs)} ms; first due in ${round(firstDue - Date.now())} ms`,
    );

    // The mails are made when the reminders fire: wait for their rows, then for their arrival.
    const keys = `reminder.%`;
    const expected = flags.reminders;
    const rowsFor = async () =>
      dataSource.query<Array<{ message_id: string; dedupe_key: string }>>(
        `SELECT m.message_id, m.dedupe_key FROM mail_message m JOIN appointment a
           ON a.id = SUBSTRING(m.dedupe_key, 10, 36)
         WHERE m.dedupe_key LIKE ? AND a.title LIKE ?`,
        [keys, `Coachgesprek ${label} %`],
      );
    const deadline = firstDue + spreadMs + Math.max(60_000, flags.reminders * 20);
    let rows: Array<{ message_id: string; dedupe_key: string }> = [];
    await waitUntil(
      async () => {
        rows = await rowsFor();
        return rows.length >= expected;
      },
      Math.max(0, deadline - Date.now()),
      500,
    );
    const messageIds = rows.map((row) => row.message_id);
    await sink.waitForAll(messageIds, Math.max(5_000, deadline - Date.now()));
    const dueById = new Map<string, number>();
    const dueByAppointment = new Map(
      appointmentIds.map((id, index) => [id, dues[index * PARTICIPANTS_PER_APPOINTMENT]]),
    );
    for (const row of rows) {
      dueById.set(row.message_id, dueByAppointment.get(row.dedupe_key.slice(9, 45))!);
    }
    checks.check(
      `leerkring ${label}: one mail row per reminder`,
      rows.length === expected,
      `${rows.length}/${expected}`,
    );
    return { ...measurePart(sink, messageIds, dueById), planMs, messageIds };
  };

  log(`burst: ${flags.reminders} reminders due at one instant`);
  const burst = await part('burst', 0);
  log(`spread: ${flags.reminders} reminders due evenly over ${flags.spreadSeconds} s`);
  const spread = await part('spread', flags.spreadSeconds * 1000);
  const peakRssMb = await worker.peakRssMb();
  const exit = await worker.stop();
  await closeContext();
  checks.check('leerkring: the worker stopped cleanly on SIGTERM', exit === 0, `exit ${exit}`);
  return { burst, spread, peakRssMb };
}

/** The baseline: delayed jobs on a bare BullMQ Worker calling a pooled nodemailer, in this process. */
async function measureBaseline(bench: Bench, flags: Flags, sink: SmtpCounter) {
  const { env, log } = bench;
  const connection = redisConnectionOptions(env.redisUrl);
  const prefix = `${env.redisPrefix}:bare`;
  const url = new URL(sink.url);
  url.searchParams.set('pool', 'true');
  url.searchParams.set('maxConnections', String(flags.connections));
  const transporter = createTransport(url.toString());
  const queue = new Queue<{ index: number; part: string }>('bare-reminders', { connection, prefix });
  const worker = new Worker<{ index: number; part: string }>(
    'bare-reminders',
    async (job) => {
      await transporter.sendMail({
        from: env.appEnv.MAIL_FROM ?? 'Leerkring <no-reply@leerkring.local>',
        to: `collega.${job.data.index % 1000}@school.test`,
        subject: `Herinnering: Coachgesprek ${job.data.part} ${job.data.index}`,
        text: 'Beste collega,\n\nEen herinnering aan "Coachgesprek".\n\nWanneer: dinsdag 24 november 2026, 15:30–16:15\nOnline: https://meet.example.test/coaching\n\nMet vriendelijke groet,\nLeerkring',
        html: '<p>Beste collega,</p><p>Een herinnering aan <strong>Coachgesprek</strong>.</p><p>dinsdag 24 november 2026, 15:30–16:15</p>',
        messageId: `<bare.${job.data.part}.${job.data.index}.${process.pid}@leerkring.bench>`,
      });
    },
    { connection, prefix, concurrency: flags.concurrency },
  );
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await worker.close();
      await queue.close();
      transporter.close();
    }
  };
  bench.defer('close the baseline queue', close);
  await Promise.all([worker.waitUntilReady(), queue.waitUntilReady()]);

  const part = async (label: string, spreadMs: number) => {
    const firstDue = Date.now() + 5_000;
    const dues = dueMoments(flags.reminders, firstDue, spreadMs);
    const messageIds = dues.map((_, index) => `<bare.${label}.${index}.${process.pid}@leerkring.bench>`);
    for (let start = 0; start < dues.length; start += 1000) {
      await queue.addBulk(
        dues.slice(start, start + 1000).map((due, offset) => ({
          name: 'remind',
          data: { index: start + offset, part: label },
          opts: { jobId: `bare.${label}.${start + offset}`, delay: Math.max(0, due - Date.now()) },
        })),
      );
    }
    await sink.waitForAll(messageIds, spreadMs + Math.max(60_000, flags.reminders * 20));
    return { ...measurePart(sink, messageIds, new Map(messageIds.map((id, index) => [id, dues[index]]))), messageIds };
  };
  log('baseline: burst');
  const burst = await part('burst', 0);
  log('baseline: spread');
  const spread = await part('spread', flags.spreadSeconds * 1000);
  await close();
  return { burst, spread };
}

runBench(NAME, async (bench) => {
  const raw = parseFlags(NAME, {
    reminders: { default: 10_000, min: 10, max: 100_000, description: 'reminders per part (burst, spread), per side' },
    'spread-seconds': {
      default: 60,
      min: 1,
      max: 3600,
      description: 'the spread part: due evenly over this many seconds',
    },
    concurrency: { default: 5, min: 1, max: 100, description: 'WORKER_CONCURRENCY (and the bare Worker)' },
    connections: { default: 5, min: 1, max: 100, description: 'SMTP_MAX_CONNECTIONS (and the bare pool)' },
    'worker-heap-mb': {
      default: 0,
      min: 0,
      max: 8192,
      description: 'what-if: --max-old-space-size of the worker (0: V8 default)',
    },
  });
  const flags: Flags = { ...raw, spreadSeconds: raw['spread-seconds'], workerHeapMb: raw['worker-heap-mb'] };
  const { env, checks, log } = bench;
  ensureBuilt(['worker']);
  log(`database ${env.databaseName}, Redis prefix ${env.redisPrefix}`);
  bench.defer('drop the bench database', () => dropBenchDatabase(env));
  bench.defer('delete the bench Redis keys', () => deleteBenchRedisKeys(env));
  await dropBenchDatabase(env);
  await migrateDatabase(loadConfig(readEnvironment()).database);

  const sink = new SmtpCounter();
  await sink.start();
  bench.defer('stop the SMTP sink', () => sink.stop());
  installSmtpNoDelay(sink.port); // the baseline's sockets, as MailTransport opens ours

  const ours = await measureLeerkring(bench, flags, sink);
  const bare = await measureBaseline(bench, flags, sink);

  for (const [side, parts] of [
    ['leerkring', ours],
    ['baseline', bare],
  ] as const) {
    for (const [label, result] of [
      ['burst', parts.burst],
      ['spread', parts.spread],
    ] as const) {
      checks.check(
        `${side} ${label}: every mail arrived exactly once`,
        result.missing === 0 && result.duplicated === 0,
        `${result.arrivedOnce}/${flags.reminders} once, ${result.missing} missing, ${result.duplicated} more than once`,
      );
    }
  }
  const expected = new Set([ours.burst, ours.spread, bare.burst, bare.spread].flatMap((part) => part.messageIds));
  const strays = sink.arrivals.filter((arrival) => !expected.has(arrival.messageId)).length;
  checks.check('no unexpected mail arrived', strays === 0, `${strays} unexpected`);

  const ratio = ours.burst.throughput / bare.burst.throughput;
  const partRows = (result: PartResult) => [
    { label: 'throughput', value: round(result.throughput), unit: 'mails/s, first arrival → last' },
    { label: 'first → last arrival', value: round(result.elapsedMs), unit: 'ms' },
    { label: 'lateness p50', value: round(result.lateness.p50), unit: 'ms, arrival − due' },
    { label: 'lateness p95', value: round(result.lateness.p95), unit: 'ms' },
    { label: 'lateness p99', value: round(result.lateness.p99), unit: 'ms' },
  ];
  return {
    title: `reminder-fanout: ${flags.reminders} reminders, burst and over ${flags.spreadSeconds} s, concurrency ${flags.concurrency}, ${flags.connections} SMTP connections`,
    sections: [
      {
        title: 'run',
        rows: [
          { label: 'reminders per part, per side', value: flags.reminders },
          { label: 'spread over', value: flags.spreadSeconds, unit: 's' },
          { label: 'worker concurrency', value: flags.concurrency },
          { label: 'SMTP connections (pool)', value: flags.connections },
          {
            label: 'machine',
            value: `${cpus().length} cpus`,
            unit: `${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
          },
        ],
      },
      {
        title: 'Leerkring burst (worker process: reminder + mail processors, MariaDB, BullMQ)',
        rows: [
          ...partRows(ours.burst),
          { label: 'planning (not measured above)', value: round(ours.burst.planMs), unit: 'ms' },
        ],
      },
      { title: 'baseline burst (bare BullMQ Worker + pooled nodemailer)', rows: partRows(bare.burst) },
      { title: 'Leerkring spread', rows: partRows(ours.spread) },
      { title: 'baseline spread', rows: partRows(bare.spread) },
      {
        title: 'comparison',
        rows: [
          { label: 'burst throughput ratio', value: round(ratio, 2), unit: 'Leerkring / baseline' },
          { label: 'worker peak RSS', value: round(ours.peakRssMb, 1), unit: 'MiB' },
        ],
      },
    ],
    result: {
      bench: NAME,
      mails: flags.reminders,
      throughput: round(ours.burst.throughput),
      baseline: round(bare.burst.throughput),
      ratio: round(ratio, 2),
      p50_lateness_ms: round(ours.spread.lateness.p50),
      p99_lateness_ms: round(ours.spread.lateness.p99),
      baseline_p99_lateness_ms: round(bare.spread.lateness.p99),
      peak_rss_mb: round(ours.peakRssMb, 1),
      spread_seconds: flags.spreadSeconds,
      concurrency: flags.concurrency,
    },
  };
});
