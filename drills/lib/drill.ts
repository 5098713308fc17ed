import { cpus } from 'node:os';
import { createPool, type Pool } from 'mysql2/promise';
import { loadConfig, migrateDatabase, readEnvironment } from '@leerkring/core';
import { Checks, ensureBuilt, parseFlags, printReport, UsageError, type ReportSection } from '../../bench/lib';
import { Cluster } from './cluster';
import { drillEnvironment, type DrillEnvironment } from './environment';
import { seedFoundation } from './foundation';
import { DRILL_REMINDER_OFFSETS, Load, type Answer } from './load';
import { MailRecorder } from './mail-recorder';
import { deleteDrillRedisKeys, dropDrillDatabase, OwnRedis } from './resources';
import { drain, verify, type FaultWindow } from './verify';

export interface DrillContext {
  env: DrillEnvironment;
  cluster: Cluster;
  recorder: MailRecorder;
  load: Load;
  pool: Pool;
  ownRedis?: OwnRedis;
  checks: Checks;
  log: (message: string) => void;
  /** Faults record when they were on (with their grace), for the checks that must allow for them. */
  faultWindows: FaultWindow[];
  /** Rows for the table: what each fault did and what held. */
  faultRows: ReportSection['rows'];
}

export interface DrillOptions {
  /** Extra environment for every process (e.g. a short MAIL_CLAIM_LEASE_MS). */
  appEnv?: Record<string, string>;
  /** Runs beside the load (the faults); `seconds` is the load's length. */
  during?: (drill: DrillContext, seconds: number) => Promise<void>;
  defaultSeconds: number;
  minSeconds: number;
}

const APIS = 2;
const WORKERS = 3;

/** Answers a request may get from a healthy Leerkring under this load: success or a rule's refusal. */
const EXPECTED = (answer: Answer) =>
  (answer.status >= 200 && answer.status < 300) || answer.status === 409 || answer.status === 422;

function summarise(answers: Answer[]): ReportSection['rows'] {
  const byOp = new Map<string, Map<string, number>>();
  for (const answer of answers) {
    const statuses = byOp.get(answer.op) ?? new Map<string, number>();
    const key = answer.code && answer.status >= 400 ? `${answer.status} ${answer.code}` : String(answer.status);
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    byOp.set(answer.op, statuses);
  }
  return [...byOp.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, statuses]) => ({
      label: op,
      value: [...statuses.values()].reduce((a, b) => a + b, 0),
      unit: [...statuses.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, n]) => `${status}: ${n}`)
        .join(', '),
    }));
}

/**
 * One drill from start to end: its own database (migrated, seeded) and Redis prefix, an SMTP
 * sink, 2 API and 3 worker processes, the load for `--seconds` (with `during` beside it), the
 * wait for the queues to drain, the checks, the table and the final JSON line. Exits 1 when a
 * check failed, 2 on a usage error.
 */
export function runDrill(name: string, options: DrillOptions): void {
  const log = (message: string) =>
    process.stderr.write(`[drill:${name}] ${new Date().toISOString().slice(11, 19)} ${message}\n`);
  const undo: Array<{ what: string; run: () => unknown }> = [];
  const defer = (what: string, run: () => unknown) => undo.push({ what, run });
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const step of undo.reverse()) {
        try {
          await step.run();
        } catch (error) {
          log(`clean-up "${step.what}" failed: ${(error as Error).message}`);
        }
      }
    })());
  // Whatever goes wrong, stop what the drill started (its processes, its own redis-server).
  process.once('uncaughtException', (error) => {
    log(`uncaught: ${error.stack ?? error.message}`);
    void cleanUp().finally(() => process.exit(1));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }

  const main = async (): Promise<number> => {
    const flags = parseFlags(`drill:${name}`, {
      seconds: {
        default: options.defaultSeconds,
        min: options.minSeconds,
        max: 3600,
        description: 'length of the load',
      },
      keep: { default: 0, min: 0, max: 1, description: '1: keep the drill database afterwards' },
    });
    const env = drillEnvironment(name);
    const checks = new Checks();
    ensureBuilt(['api', 'worker']);

    let ownRedis: OwnRedis | undefined;
    if (env.ownRedisPort) {
      ownRedis = new OwnRedis(env.ownRedisPort);
      defer('stop the drill Redis', () => ownRedis?.destroy());
      await ownRedis.start();
      log(`own redis-server on port ${env.ownRedisPort}`);
    } else {
      defer('delete the drill Redis keys', () => deleteDrillRedisKeys(env));
    }
    if (!flags.keep) {
      defer('drop the drill database', () => dropDrillDatabase(env));
    }
    await dropDrillDatabase(env);
    await migrateDatabase(loadConfig(readEnvironment()).database);
    const foundation = await seedFoundation({ coaches: 4, teachers: 80 });
    log(`foundation: 1 school, ${foundation.coaches.length} coaches, ${foundation.teachers.length} teachers signed in`);

    const recorder = new MailRecorder();
    await recorder.start();
    defer('stop the SMTP sink', () => recorder.stop());
    const cluster = new Cluster({
      SMTP_URL: recorder.url,
      REMINDER_OFFSETS: JSON.stringify(DRILL_REMINDER_OFFSETS),
      ...options.appEnv,
    });
    defer('stop the processes', () => cluster.stopAll());
    for (let i = 0; i < APIS; i += 1) {
      await cluster.startApi();
    }
    for (let i = 0; i < WORKERS; i += 1) {
      await cluster.startWorker();
    }
    log(`${APIS} API and ${WORKERS} worker processes up; load for ${flags.seconds} s`);

    const pool = createPool({ uri: env.databaseUrl, timezone: 'Z', connectionLimit: 4 });
    defer('close the pool', () => pool.end());
    const load = new Load(foundation, () => cluster.apis.map((api) => api.url), log);
    const drill: DrillContext = {
      env,
      cluster,
      recorder,
      load,
      pool,
      ownRedis,
      checks,
      log,
      faultWindows: [],
      faultRows: [],
    };
    const started = Date.now();
    await Promise.all([load.run(flags.seconds), options.during?.(drill, flags.seconds)]);
    const loadMs = Date.now() - started;
    log(`load done: ${load.answers.length} requests in ${Math.round(loadMs / 1000)} s; draining`);

    const drained = await drain(pool, recorder, log, 10 * 60_000);
    checks.check('queues drained', drained, `${Math.round((Date.now() - started - loadMs) / 1000)} s after the load`);
    const figures = await verify(pool, recorder, load, checks, drill.faultWindows);

    // Answers: outside a fault, only success or a rule's refusal; never a 500; every 503 problem+json.
    const duringFault = (answer: Answer) => drill.faultWindows.some((w) => answer.at >= w.from && answer.at <= w.to);
    const loadAnswers = load.answers.filter((answer) => !answer.op.startsWith('check:'));
    const unexpected = loadAnswers.filter((answer) => !EXPECTED(answer) && !duringFault(answer));
    const serverErrors = loadAnswers.filter((answer) => answer.status >= 500 && answer.status !== 503);
    const bare503 = loadAnswers.filter((answer) => answer.status === 503 && !answer.problemJson);
    checks.check(
      'outside faults: only 2xx, 409 or 422',
      unexpected.length === 0,
      unexpected.length
        ? `${unexpected.length}: ${unexpected
            .slice(0, 3)
            .map((a) => `${a.op} ${a.status} ${a.code}`)
            .join(', ')}`
        : `${loadAnswers.length} answers`,
    );
    checks.check(
      'never a 500',
      serverErrors.length === 0,
      serverErrors
        .map((a) => `${a.op} ${a.status}`)
        .slice(0, 3)
        .join(', '),
    );
    checks.check(
      'every 503 is problem+json',
      bare503.length === 0,
      `${loadAnswers.filter((a) => a.status === 503).length} 503s`,
    );
    if (!checks.ok) {
      log(`process output:\n${cluster.outputs()}`);
    }

    const writes = loadAnswers.filter((answer) => answer.method !== 'GET');
    const sections: ReportSection[] = [
      {
        title: `load (${Math.round(loadMs / 1000)} s, ${APIS} API + ${WORKERS} worker processes, ${cpus().length} cores)`,
        rows: [
          { label: 'requests', value: loadAnswers.length, unit: `${writes.length} writes` },
          { label: 'requests/s', value: Math.round((loadAnswers.length / loadMs) * 1000) },
          { label: 'theme meetings / sign-ups', value: load.meetings.length, unit: `${load.signUps} sign-ups` },
          { label: 'soon appointments (reminders)', value: load.soon.size },
          ...summarise(loadAnswers),
        ],
      },
      ...(drill.faultRows.length ? [{ title: 'faults', rows: drill.faultRows }] : []),
      {
        title: 'mail',
        rows: [
          { label: 'expected (sent-log)', value: figures.expected },
          { label: 'received by the sink', value: figures.received },
          { label: 'duplicated', value: figures.duplicated },
          { label: 'missing', value: figures.missing },
          { label: 'refused by the sink (421)', value: recorder.refused },
          {
            label: 'reminders sent',
            value: figures.remindersSent,
            unit: `${figures.remindersExpected} due and checked`,
          },
        ],
      },
      checks.section(),
    ];
    await cleanUp();
    printReport(`drill:${name}`, sections, {
      bench: `drill:${name}`,
      seconds: Math.round(loadMs / 1000),
      requests: loadAnswers.length,
      writes: writes.length,
      signUps: load.signUps,
      faults: drill.faultRows.length,
      mailsExpected: figures.expected,
      mailsReceived: figures.received,
      mailsDuplicated: figures.duplicated,
      mailsMissing: figures.missing,
      remindersSent: figures.remindersSent,
      ok: checks.ok,
    });
    if (!checks.ok) {
      log(`checks failed:\n  - ${checks.failed.join('\n  - ')}`);
      return 1;
    }
    return 0;
  };

  main().then(
    (code) => process.exit(code),
    async (error: unknown) => {
      await cleanUp();
      if (error instanceof UsageError) {
        log(error.message);
        process.exit(2);
      }
      log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
