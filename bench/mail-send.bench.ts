/**
 * mail-send: how fast Leerkring's mail pipeline delivers N mails to a local SMTP server, next to a
 * bare BullMQ + nodemailer baseline measured in the same run. See docs/benchmarks.md.
 *
 *   npm run bench:mail-send -- --mails 2000 --concurrency 5 --connections 5 --warmup 10
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, Worker, type JobsOptions } from 'bullmq';
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
import {
  MailDispatcher,
  MailModule,
  QueueName,
  QueuesModule,
  type MailDraft,
  type MailMessage,
} from '@leerkring/notifications';
import {
  deleteBenchRedisKeys,
  dropBenchDatabase,
  ensureBuilt,
  now,
  ownCpuMs,
  parseFlags,
  percentiles,
  perSecond,
  readCpuMs,
  round,
  runBench,
  installSmtpNoDelay,
  smtpNoDelayEnv,
  SmtpCounter,
  startBuiltApp,
  waitUntil,
  type Bench,
  type Checks,
  type Percentiles,
  type ReportRow,
  waitForWorkerReady,
} from './lib';

const NAME = 'mail-send';

/** The API's side of mail: store and enqueue, as the API and the notification code use them. */
@Module({ imports: [AppConfigModule, DatabaseModule, QueuesModule, MailModule] })
class BenchMailModule {}

/** Rows are stored this many to a transaction. */
const STORE_BATCH = 100;
/** The burst is enqueued this many at a time, as many API requests would. */
const ENQUEUE_CHUNK = 100;

// One realistic invitation (about 1 KB of text and 1.5 KB of HTML), the same on both sides.
const BODY_TEXT = [
  'Beste collega,',
  '',
  'Je bent uitgenodigd voor een coachgesprek met je werkbegeleider. We kijken samen terug op de',
  'lessen van de afgelopen weken en bespreken je begeleidingsvraag: hoe houd je de aandacht van de',
  'groep vast tijdens de instructie, en hoe zet je coöperatieve werkvormen in bij rekenen?',
  '',
  'Wanneer: dinsdag 24 november 2026, 15:30 tot 16:15',
  'Waar: OBS De Regenboog, lokaal 12 (naast de teamkamer)',
  '',
  'Neem gerust je lesvoorbereiding en je kijkwijzer van het laatste lesbezoek mee. Kun je niet?',
  'Geef het dan zo snel mogelijk door via de knop in de uitnodiging, dan zoeken we een ander moment.',
  '',
  'Met vriendelijke groet,',
  'Leerkring namens Stichting Rivierenland Onderwijs',
].join('\n');
const BODY_HTML = [
  '<!doctype html><html lang="nl"><body style="font-family:Arial,sans-serif;line-height:1.5">',
  '<p>Beste collega,</p>',
  '<p>Je bent uitgenodigd voor een <strong>coachgesprek</strong> met je werkbegeleider. We kijken samen',
  'terug op de lessen van de afgelopen weken en bespreken je begeleidingsvraag: hoe houd je de aandacht',
  'van de groep vast tijdens de instructie, en hoe zet je coöperatieve werkvormen in bij rekenen?</p>',
  '<table role="presentation" cellpadding="4"><tr><th align="left">Wanneer</th>',
  '<td>dinsdag 24 november 2026, 15:30 tot 16:15</td></tr><tr><th align="left">Waar</th>',
  '<td>OBS De Regenboog, lokaal 12 (naast de teamkamer)</td></tr></table>',
  '<p>Neem gerust je lesvoorbereiding en je kijkwijzer van het laatste lesbezoek mee. Kun je niet? Geef',
  'het dan zo snel mogelijk door via de knop in de uitnodiging, dan zoeken we een ander moment.</p>',
  '<p><a href="http://leerkring.bench/afspraken/8c1f6a52" style="padding:8px 16px;background:#1d6f42;',
  'color:#fff;text-decoration:none;border-radius:4px">Bekijk de afspraak</a></p>',
  '<p>Met vriendelijke groet,<br>Leerkring namens Stichting Rivierenland Onderwijs</p>',
  '</body></html>',
].join('\n');

function draft(index: number): MailDraft {
  return {
    dedupeKey: `bench.${NAME}.${process.pid}.${index}`,
    kind: 'bench',
    recipientPersonId: null,
    toAddress: `collega.${index}@school.test`,
    subject: `Uitnodiging coachgesprek ${index}`,
    bodyText: BODY_TEXT,
    bodyHtml: BODY_HTML,
    ics: null,
    icsMethod: null,
  };
}

/** As QueuesModule's defaultJobOptions, so both sides ask the same of BullMQ. */
const JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** As MailTransport makes its pooled transport from SMTP_URL and SMTP_MAX_CONNECTIONS. */
function pooledSmtpUrl(url: string, maxConnections: number): string {
  const pooled = new URL(url);
  pooled.searchParams.set('pool', 'true');
  pooled.searchParams.set('maxConnections', String(maxConnections));
  pooled.searchParams.set('connectionTimeout', '10000');
  pooled.searchParams.set('greetingTimeout', '10000');
  pooled.searchParams.set('socketTimeout', '30000');
  return pooled.toString();
}

interface Flags {
  mails: number;
  concurrency: number;
  connections: number;
  warmup: number;
  /** 1: what-if run with Nagle's algorithm off on nodemailer's sockets (see docs/benchmarks.md). */
  nodelay: number;
}

/** What one side measured. */
interface SideResult {
  /** Burst: first enqueue to last arrival. */
  elapsedMs: number;
  enqueueMs: number;
  throughput: number;
  /** Burst: enqueue → arrival per mail, so mostly time spent waiting in the queue. */
  latency: Percentiles;
  /** Warm-up: one mail at a time, enqueue → arrival, nothing else queued; without the first. */
  idleLatency: Percentiles;
  /** The first warm-up mail, which also opens an SMTP connection. */
  firstMailMs: number;
  /** Every Message-ID this side sent (warm-up and burst). */
  messageIds: string[];
  /** CPU time per burst mail of each process involved, in ms. */
  cpu: Array<{ label: string; msPerMail: number }>;
}

/** A process whose CPU time is measured over the burst. */
interface CpuProbe {
  label: string;
  readMs: () => number;
}

/**
 * Sends `warmup` mails one at a time (the idle latency; also opens connections and warms up the
 * JIT), then the burst, and waits for everything to arrive.
 */
async function sendAndMeasure(
  bench: Bench,
  sink: SmtpCounter,
  messageIds: string[],
  warmup: number,
  enqueueOne: (index: number) => Promise<boolean>,
  enqueueBurst: (indexes: number[], enqueuedAt: number[]) => Promise<boolean[]>,
  cpuProbes: CpuProbe[],
): Promise<SideResult & { enqueued: boolean[]; arrived: boolean }> {
  const idle: number[] = [];
  const enqueued: boolean[] = [];
  for (let index = 0; index < warmup; index += 1) {
    const startedAt = now();
    enqueued.push(await enqueueOne(index));
    if (!(await sink.waitForAll([messageIds[index]], 30_000))) {
      bench.log(`warm-up mail ${index} did not arrive within 30 s`);
      break;
    }
    idle.push((sink.arrivedAt(messageIds[index]) ?? Number.NaN) - startedAt);
  }

  const burst = messageIds.map((_, index) => index).slice(warmup);
  const enqueuedAt: number[] = [];
  const cpuBefore = cpuProbes.map((probe) => probe.readMs());
  const startedAt = now();
  enqueued.push(...(await enqueueBurst(burst, enqueuedAt)));
  const enqueueMs = now() - startedAt;
  const timeoutMs = Math.max(30_000, burst.length * 20);
  const arrived = await sink.waitForAll(
    burst.map((index) => messageIds[index]),
    timeoutMs,
  );
  const cpu = cpuProbes.map((probe, index) => ({
    label: probe.label,
    msPerMail: (probe.readMs() - cpuBefore[index]) / burst.length,
  }));
  if (!arrived) {
    bench.log(`not every mail arrived within ${timeoutMs / 1000} s`);
  }
  const arrivals = burst.map((index) => sink.arrivedAt(messageIds[index]) ?? Number.NaN);
  const lastArrival = arrivals.reduce((last, at) => (at > last ? at : last), Number.NEGATIVE_INFINITY);
  const elapsedMs = lastArrival - startedAt;
  return {
    elapsedMs,
    enqueueMs,
    throughput: arrived ? perSecond(burst.length, elapsedMs) : Number.NaN,
    latency: percentiles(arrivals.map((at, position) => at - enqueuedAt[position]).filter((ms) => !Number.isNaN(ms))),
    idleLatency: percentiles(idle.slice(1)),
    firstMailMs: idle.length > 0 ? idle[0] : Number.NaN,
    messageIds,
    cpu,
    enqueued,
    arrived,
  };
}

/** Every one of `messageIds` arrived exactly once. */
function checkArrivedOnce(checks: Checks, side: string, sink: SmtpCounter, messageIds: string[]): void {
  const counts = messageIds.map((id) => sink.count(id));
  const missing = counts.filter((count) => count === 0).length;
  const duplicated = counts.filter((count) => count > 1).length;
  checks.check(
    `${side}: every mail arrived exactly once`,
    missing === 0 && duplicated === 0 && new Set(messageIds).size === messageIds.length,
    `${counts.filter((count) => count === 1).length}/${messageIds.length} once, ${missing} missing, ${duplicated} more than once`,
  );
}

async function statusCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const rows = await dataSource.query<Array<{ status: string; n: number | string }>>(
    'SELECT status, COUNT(*) AS n FROM mail_message GROUP BY status',
  );
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/** Our side: the real worker process, the real MailDispatcher, MariaDB and BullMQ. */
async function measureLeerkring(bench: Bench, flags: Flags, sink: SmtpCounter, drafts: MailDraft[]) {
  const { checks, log } = bench;
  const worker = startBuiltApp('worker', {
    SMTP_URL: sink.url,
    WORKER_CONCURRENCY: String(flags.concurrency),
    SMTP_MAX_CONNECTIONS: String(flags.connections),
    ...(flags.nodelay ? smtpNoDelayEnv(sink.port) : {}),
  });
  bench.defer('stop the worker', () => worker.stop());

  let context: INestApplicationContext | undefined = await NestFactory.createApplicationContext(BenchMailModule, {
    logger: false,
  });
  const closeContext = async () => {
    const open = context;
    context = undefined;
    await open?.close();
  };
  bench.defer('close the Nest context', closeContext);
  const dispatcher = context.get(MailDispatcher);
  const dataSource = context.get<DataSource>(getDataSourceToken());
  const config = context.get<AppConfig>(APP_CONFIG);
  log(`waiting for the worker (pid ${worker.pid}) to be ready`);
  await waitForWorkerReady(worker, config, QueueName.Mail);

  log(`storing ${drafts.length} mails`);
  const storeStartedAt = now();
  const stored: MailMessage[] = [];
  for (let start = 0; start < drafts.length; start += STORE_BATCH) {
    const batch = drafts.slice(start, start + STORE_BATCH);
    const rows = await dataSource.transaction(async (manager) => {
      const inBatch: MailMessage[] = [];
      for (const mail of batch) {
        inBatch.push(await dispatcher.store(mail, manager));
      }
      return inBatch;
    });
    stored.push(...rows);
  }
  const storeMs = now() - storeStartedAt;
  checks.check(
    'leerkring: every mail stored once, queued',
    new Set(stored.map((row) => row.id)).size === drafts.length && stored.every((row) => row.status === 'queued'),
    `${stored.length} rows`,
  );

  log(`sending ${flags.warmup} warm-up mails one at a time, then ${flags.mails} at once`);
  const side = await sendAndMeasure(
    bench,
    sink,
    stored.map((row) => row.messageId),
    flags.warmup,
    (index) => dispatcher.enqueue(stored[index]),
    async (indexes, enqueuedAt) => {
      const results: boolean[] = [];
      for (let start = 0; start < indexes.length; start += ENQUEUE_CHUNK) {
        const chunk = indexes.slice(start, start + ENQUEUE_CHUNK);
        results.push(
          ...(await Promise.all(
            chunk.map((index) => {
              enqueuedAt.push(now());
              return dispatcher.enqueue(stored[index]);
            }),
          )),
        );
      }
      return results;
    },
    [
      { label: 'worker process', readMs: () => readCpuMs(worker.pid) },
      { label: 'bench process (enqueue, SMTP sink)', readMs: ownCpuMs },
    ],
  );
  checks.check(
    'leerkring: every enqueue accepted',
    side.enqueued.every(Boolean),
    `${side.enqueued.filter(Boolean).length}/${drafts.length}`,
  );

  // The row is marked sent just after the SMTP server accepted the mail.
  let statuses = await statusCounts(dataSource);
  await waitUntil(async () => {
    statuses = await statusCounts(dataSource);
    return (statuses.sent ?? 0) === drafts.length;
  }, 15_000);

  const peakRssMb = await worker.peakRssMb();
  const exit = await worker.stop();
  await closeContext();

  checks.check(
    'leerkring: every mail_message row is sent',
    (statuses.sent ?? 0) === drafts.length && Object.keys(statuses).length === 1,
    Object.entries(statuses)
      .map(([status, count]) => `${count} ${status}`)
      .join(', '),
  );
  checkArrivedOnce(checks, 'leerkring', sink, side.messageIds);
  checks.check('leerkring: the worker stopped cleanly on SIGTERM', exit === 0, `exit ${exit}`);
  return { ...side, storeMs, peakRssMb };
}

/** The baseline: a bare BullMQ Worker calling a pooled nodemailer, in this process; no Nest, no database. */
async function measureBaseline(bench: Bench, flags: Flags, sink: SmtpCounter, drafts: MailDraft[]) {
  const { env, checks, log } = bench;
  const connection = redisConnectionOptions(env.redisUrl);
  const prefix = `${env.redisPrefix}:bare`;
  const queueName = 'bare-mail';
  const messageIds = drafts.map((_, index) => `<bare.${index}.${process.pid}@leerkring.bench>`);
  const headers = drafts.map(() => randomUUID());
  const transporter = createTransport(pooledSmtpUrl(sink.url, flags.connections));
  const queue = new Queue<{ index: number }>(queueName, { connection, prefix, defaultJobOptions: JOB_OPTIONS });
  let failed = 0;
  const worker = new Worker<{ index: number }>(
    queueName,
    async (job) => {
      const mail = drafts[job.data.index];
      await transporter.sendMail({
        from: env.appEnv.MAIL_FROM,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.bodyText,
        html: mail.bodyHtml ?? undefined,
        messageId: messageIds[job.data.index],
        headers: { 'X-Leerkring-Mail': headers[job.data.index] },
      });
    },
    { connection, prefix, concurrency: flags.concurrency },
  );
  worker.on('failed', () => (failed += 1));
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

  log(`baseline: ${flags.warmup} warm-up mails one at a time, then ${flags.mails} at once`);
  const side = await sendAndMeasure(
    bench,
    sink,
    messageIds,
    flags.warmup,
    async (index) => {
      await queue.add('send', { index }, { jobId: `bare.${index}` });
      return true;
    },
    async (indexes, enqueuedAt) => {
      const startedAt = now();
      enqueuedAt.push(...indexes.map(() => startedAt));
      await queue.addBulk(
        indexes.map((index) => ({ name: 'send', data: { index }, opts: { jobId: `bare.${index}` } })),
      );
      return indexes.map(() => true);
    },
    [{ label: 'bench process (BullMQ Worker, nodemailer, SMTP sink)', readMs: ownCpuMs }],
  );
  await close();
  checks.check('baseline: no job failed', failed === 0, `${failed} failed`);
  checkArrivedOnce(checks, 'baseline', sink, messageIds);
  return side;
}

function sideRows(side: SideResult): ReportRow[] {
  return [
    { label: 'throughput', value: round(side.throughput), unit: 'mails/s' },
    { label: 'first enqueue → last arrival', value: round(side.elapsedMs), unit: 'ms' },
    { label: 'enqueue all', value: round(side.enqueueMs), unit: 'ms' },
    { label: 'latency p50 (burst)', value: round(side.latency.p50), unit: 'ms enqueue → arrival' },
    { label: 'latency p95 (burst)', value: round(side.latency.p95), unit: 'ms' },
    { label: 'latency p99 (burst)', value: round(side.latency.p99), unit: 'ms' },
    { label: 'latency, first mail', value: round(side.firstMailMs, 1), unit: 'ms, opens an SMTP connection' },
    {
      label: 'latency p50 (one at a time)',
      value: round(side.idleLatency.p50, 1),
      unit: 'ms, the other warm-up mails',
    },
    { label: 'latency p99 (one at a time)', value: round(side.idleLatency.p99, 1), unit: 'ms' },
    ...side.cpu.map((cpu) => ({ label: 'CPU per mail', value: round(cpu.msPerMail, 2), unit: `ms, ${cpu.label}` })),
  ];
}

runBench(NAME, async (bench) => {
  const flags: Flags = parseFlags(NAME, {
    mails: { default: 2000, min: 1, max: 100_000, description: 'mails in the burst, per side' },
    concurrency: { default: 5, min: 1, max: 100, description: 'WORKER_CONCURRENCY (and the bare Worker)' },
    connections: { default: 5, min: 1, max: 100, description: 'SMTP_MAX_CONNECTIONS (and the bare pool)' },
    warmup: { default: 10, min: 0, max: 1000, description: 'mails sent one at a time first, per side' },
    nodelay: { default: 0, min: 0, max: 1, description: '1: TCP_NODELAY on the SMTP client sockets, both sides' },
  });
  const { env, checks, log } = bench;
  // First, before anything needs cleaning up: a failed build ends the process.
  ensureBuilt(['worker']);

  log(`database ${env.databaseName}, Redis prefix ${env.redisPrefix}`);
  bench.defer('drop the bench database', () => dropBenchDatabase(env));
  bench.defer('delete the bench Redis keys', () => deleteBenchRedisKeys(env));
  await dropBenchDatabase(env); // left over from an interrupted run
  await migrateDatabase(loadConfig(readEnvironment()).database);

  const sink = new SmtpCounter();
  await sink.start();
  bench.defer('stop the SMTP sink', () => sink.stop());
  if (flags.nodelay) {
    installSmtpNoDelay(sink.port); // the baseline's sockets; the worker's get it from smtpNoDelayEnv
  }

  const drafts = Array.from({ length: flags.warmup + flags.mails }, (_, index) => draft(index));
  const ours = await measureLeerkring(bench, flags, sink, drafts);
  const bare = await measureBaseline(bench, flags, sink, drafts);

  const expected = new Set([...ours.messageIds, ...bare.messageIds]);
  const strays = sink.arrivals.filter((arrival) => !expected.has(arrival.messageId)).length;
  checks.check('no unexpected mail arrived', strays === 0, `${strays} unexpected`);

  const ratio = ours.throughput / bare.throughput;
  return {
    title: `mail-send: ${flags.mails} mails, concurrency ${flags.concurrency}, ${flags.connections} SMTP connections${flags.nodelay ? ', TCP_NODELAY' : ''}`,
    sections: [
      {
        title: 'run',
        rows: [
          { label: 'mails (burst), per side', value: flags.mails },
          { label: 'warm-up mails, per side', value: flags.warmup },
          { label: 'worker concurrency', value: flags.concurrency },
          { label: 'SMTP connections (pool)', value: flags.connections },
          {
            label: 'SMTP client sockets',
            value: flags.nodelay ? 'TCP_NODELAY' : 'as shipped',
            unit: flags.nodelay ? 'what-if: Nagle off (--nodelay 1)' : "nodemailer's default: Nagle on",
          },
          {
            label: 'mail size',
            value: round((BODY_TEXT.length + BODY_HTML.length) / 1024, 1),
            unit: 'KiB text + html',
          },
          {
            label: 'machine',
            value: `${cpus().length} cpus`,
            unit: `${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
          },
        ],
      },
      {
        title: 'Leerkring: worker process, MailDispatcher, MariaDB, BullMQ',
        rows: [
          ...sideRows(ours),
          { label: 'store (not in the throughput)', value: round(ours.storeMs), unit: `ms for ${drafts.length} rows` },
          { label: 'worker peak RSS', value: round(ours.peakRssMb, 1), unit: 'MiB' },
        ],
      },
      { title: 'baseline: bare BullMQ Worker + pooled nodemailer, in the bench process', rows: sideRows(bare) },
      {
        title: 'comparison',
        rows: [{ label: 'throughput ratio', value: round(ratio, 2), unit: 'Leerkring / baseline' }],
      },
    ],
    result: {
      bench: NAME,
      mails: flags.mails,
      throughput: round(ours.throughput),
      baseline: round(bare.throughput),
      ratio: round(ratio, 2),
      p50_ms: round(ours.latency.p50),
      p99_ms: round(ours.latency.p99),
      peak_rss_mb: round(ours.peakRssMb, 1),
      concurrency: flags.concurrency,
      smtp_connections: flags.connections,
      nodelay: flags.nodelay === 1,
    },
  };
});
