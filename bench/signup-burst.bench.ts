/**
 * signup-burst: theme meeting sign-ups when registration opens and everyone clicks at once.
 * Leerkring over HTTP (the real API process: auth, validation, rate limit, the conditional seat
 * counter under the meeting's row lock, the waitlist ticket, joining the session's appointment
 * with its outbox row) next to a baseline in the same run: the same transaction done directly
 * with mysql2 from this script, with the same pool size. See docs/theme-meetings.md.
 *
 *   npm run bench:signup-burst -- --requests 2000 --clients 200 --seats 200
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createPool, type Pool, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import {
  AppConfigModule,
  DatabaseModule,
  loadConfig,
  migrateDatabase,
  readEnvironment,
  RedisModule,
} from '@leerkring/core';
import { QueuesModule } from '@leerkring/notifications';
import { PeopleModule, Sessions } from '@leerkring/people';
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
  startBuiltApp,
  type Bench,
} from './lib';

const NAME = 'signup-burst';
const POOL_SIZE = 10; // the API's DATABASE_POOL_SIZE default

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, PeopleModule] })
class BenchSignupModule {}

/**
 * Runs `work` for every index with `clients` in flight; returns each call's latency in ms, by
 * index (the first `clients` are the opening wave: everyone clicking at the same moment).
 */
async function burst(total: number, clients: number, work: (index: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = new Array<number>(total);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const index = next++;
        if (index >= total) {
          return;
        }
        const started = now();
        await work(index);
        latencies[index] = now() - started;
      }
    }),
  );
  return latencies;
}

/**
 * The baseline: what a sign-up must do at the least, in one transaction, straight on mysql2: lock
 * the meeting, look for the person's registration, take a seat with the conditional UPDATE (or a
 * waitlist ticket), insert the registration and, when confirmed, add the person to the session's
 * appointment with a version bump and an outbox row.
 */
async function baselineSignUp(pool: Pool, meetingId: string, appointmentId: string, personId: string): Promise<string> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    await connection.query('SELECT id FROM theme_meeting WHERE id = ? FOR UPDATE', [meetingId]);
    const [existing] = await connection.query<RowDataPacket[]>(
      'SELECT status FROM theme_registration WHERE meeting_id = ? AND person_id = ? FOR UPDATE',
      [meetingId, personId],
    );
    if (existing.length > 0) {
      await connection.commit();
      return String(existing[0].status);
    }
    const [seat] = await connection.query<ResultSetHeader>(
      "UPDATE theme_meeting SET confirmed_count = confirmed_count + 1 WHERE id = ? AND status = 'published' AND confirmed_count < capacity",
      [meetingId],
    );
    let status = 'confirmed';
    let ticket: number | null = null;
    if (seat.affectedRows === 1) {
      await connection.query('SELECT id FROM appointment WHERE id = ? FOR UPDATE', [appointmentId]);
      await connection.query(
        `INSERT INTO appointment_participant (id, appointment_id, person_id, role, rsvp, added_version)
         SELECT ?, id, ?, 'required', 'needs_action', version + 1 FROM appointment WHERE id = ?`,
        [randomUUID(), personId, appointmentId],
      );
      await connection.query('UPDATE appointment SET version = version + 1 WHERE id = ?', [appointmentId]);
      await connection.query("INSERT INTO outbox (topic, payload, attempts) VALUES ('appointment.changed', ?, 0)", [
        JSON.stringify({ appointmentId, added: [personId], removed: [] }),
      ]);
    } else {
      status = 'waitlisted';
      await connection.query('UPDATE theme_meeting SET waitlist_seq = waitlist_seq + 1 WHERE id = ?', [meetingId]);
      const [[row]] = await connection.query<RowDataPacket[]>('SELECT waitlist_seq FROM theme_meeting WHERE id = ?', [
        meetingId,
      ]);
      ticket = Number(row.waitlist_seq);
    }
    await connection.query(
      `INSERT INTO theme_registration (id, meeting_id, person_id, mode, status, waitlist_seq, confirmed_at)
       VALUES (?, ?, ?, 'on_site', ?, ?, ?)`,
      [randomUUID(), meetingId, personId, status, ticket, status === 'confirmed' ? new Date() : null],
    );
    await connection.commit();
    return status;
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

/** POSTs an empty sign-up body with the bearer token; resolves with the status once the body is read. */
function post(url: string, token: string, agent: Agent): Promise<number> {
  return send(url, 'POST', token, agent);
}

/** GETs with the bearer token; resolves with the status once the body is read. */
function get(url: string, token: string, agent: Agent): Promise<number> {
  return send(url, 'GET', token, agent);
}

function send(url: string, method: 'GET' | 'POST', token: string, agent: Agent): Promise<number> {
  const body = method === 'POST' ? { 'content-type': 'application/json', 'content-length': '2' } : {};
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method, agent, headers: { authorization: `Bearer ${token}`, ...body } },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    request.once('error', reject);
    request.end(method === 'POST' ? '{}' : undefined);
  });
}

/** The MariaDB (or MySQL) server's pid when it runs on this machine, for its CPU time. */
function findMariadbPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (name === 'mariadbd' || name === 'mysqld') {
        return Number(entry);
      }
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

function difference<T extends Record<string, number>>(after: T, before: T): T {
  return Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]])) as T;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function counts(db: DataSource, meetingId: string) {
  const [row] = await db.query<Array<{ confirmed: string; waitlisted: string; total: string; people: string }>>(
    `SELECT SUM(status = 'confirmed') AS confirmed, SUM(status = 'waitlisted') AS waitlisted,
            COUNT(*) AS total, COUNT(DISTINCT person_id) AS people
       FROM theme_registration WHERE meeting_id = ?`,
    [meetingId],
  );
  const [{ counter }] = await db.query<Array<{ counter: number }>>(
    'SELECT confirmed_count AS counter FROM theme_meeting WHERE id = ?',
    [meetingId],
  );
  return {
    confirmed: Number(row.confirmed ?? 0),
    waitlisted: Number(row.waitlisted ?? 0),
    total: Number(row.total),
    people: Number(row.people),
    counter: Number(counter),
  };
}

runBench(NAME, async (bench: Bench) => {
  const flags = parseFlags(NAME, {
    requests: { default: 2000, min: 10, max: 50_000, description: 'sign-ups (one per person) per side' },
    clients: { default: 200, min: 1, max: 2000, description: 'concurrent clients' },
    seats: { default: 200, min: 1, max: 50_000, description: 'capacity of the meeting' },
    'api-processes': {
      default: 1,
      min: 1,
      max: 8,
      description: 'API processes sharing the database; clients take turns, as behind a load balancer',
    },
  });
  const { env, checks, log } = bench;
  ensureBuilt(['api']);
  bench.defer('drop the bench database', () => dropBenchDatabase(env));
  bench.defer('delete the bench Redis keys', () => deleteBenchRedisKeys(env));
  await dropBenchDatabase(env);
  const config = loadConfig(readEnvironment());
  await migrateDatabase(config.database);

  const app = await NestFactory.createApplicationContext(BenchSignupModule, { logger: ['error', 'warn'] });
  bench.defer('close the application context', () => app.close());
  const db = app.get<DataSource>(getDataSourceToken());
  const sessions = app.get(Sessions);

  // A school, a coach, `requests` teachers, each with a bearer session.
  const schoolId = randomUUID();
  await db.query(
    "INSERT INTO school (id, name, brin, vestiging, sector, holiday_region) VALUES (?, 'Bench school', '99ZZ', '', 'PO', 'middle')",
    [schoolId],
  );
  const people = Array.from({ length: flags.requests + 1 }, (_, index) => ({
    id: randomUUID(),
    email: `bench.${index}@signup.bench`,
  }));
  for (let start = 0; start < people.length; start += 1000) {
    const batch = people.slice(start, start + 1000);
    await db.query(
      `INSERT INTO person (id, email, given_name, family_name_prefix, family_name, language, active) VALUES ${batch
        .map(() => "(?, ?, 'Bench', '', 'Persoon', 'nl', 1)")
        .join(', ')}`,
      batch.flatMap((person) => [person.id, person.email]),
    );
    await db.query(
      `INSERT INTO school_membership (id, person_id, school_id, \`function\`) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}`,
      batch.flatMap((person, index) => [
        randomUUID(),
        person.id,
        schoolId,
        start + index === 0 ? 'intern_begeleider' : 'teacher',
      ]),
    );
  }
  const [coach, ...teachers] = people;
  const tokens: string[] = [];
  for (const person of people) {
    const session = await sessions.start(person.id, 'bearer', 'bench');
    if (session.kind !== 'bearer') {
      throw new Error('expected a bearer session');
    }
    tokens.push(session.accessToken);
  }
  const [coachToken, ...teacherTokens] = tokens;
  log(`${flags.requests} teachers signed in`);

  // Free ports chosen here: at LOG_LEVEL warn the API does not log the one it got.
  const urls: string[] = [];
  const apiPids: number[] = [];
  for (let index = 0; index < flags['api-processes']; index += 1) {
    const port = await freePort();
    const api = startBuiltApp('api', { LOG_LEVEL: 'warn', PORT: String(port) });
    bench.defer(`stop API process ${index + 1}`, () => api.stop());
    apiPids.push(api.pid);
    for (let waited = 0; ; waited += 100) {
      const ready = await fetch(`http://127.0.0.1:${port}/api/health/live`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) {
        break;
      }
      if (waited > 60_000) {
        throw new Error(`API did not start:\n${api.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    urls.push(`http://127.0.0.1:${port}/api/v1`);
  }
  const [url] = urls;

  const start = new Date(Date.now() + 30 * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  // The two meetings lie a day apart: the coach organises both and cannot be in two at once.
  const createMeeting = async (title: string, day: number) => {
    const startsAt = new Date(start.getTime() + day * 86_400_000);
    const response = await fetch(`${url}/theme-meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coachToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        format: 'on_site',
        schoolId,
        capacity: flags.seats,
        sessions: [{ start: startsAt.toISOString(), end: new Date(startsAt.getTime() + 7_200_000).toISOString() }],
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: start.toISOString(),
      }),
    });
    if (response.status !== 201) {
      throw new Error(`could not create the meeting: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as { id: string; sessions: Array<{ appointmentId: string }> };
  };
  const ours = await createMeeting('Bench: Leerkring', 0);
  const theirs = await createMeeting('Bench: baseline', 1);
  // The same starting point for both: the meeting is there, nobody signed up yet.
  void coach;

  // Baseline first (warms the database the same way for both sides' tables).
  const pool = createPool({ uri: env.databaseUrl, timezone: 'Z', connectionLimit: POOL_SIZE });
  bench.defer('close the baseline pool', () => pool.end());
  // Both sides' connections are open before the clicks, as they are when registration opens: the
  // pool's to MariaDB here, and each teacher's browser to the API (below).
  const pooled = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.getConnection()));
  pooled.forEach((connection) => connection.release());
  // CPU time per sign-up of each side's processes: robust where wall-clock figures are not (a
  // busy machine), and it says where the time goes. MariaDB serves both sides.
  const mariadbPid = findMariadbPid();
  const cpu = () => ({
    bench: ownCpuMs(),
    api: apiPids.reduce((sum, pid) => sum + readCpuMs(pid), 0),
    mariadb: mariadbPid ? readCpuMs(mariadbPid) : Number.NaN,
  });
  let baselineErrors = 0;
  const baselineCpu = cpu();
  const baselineStarted = now();
  const baselineLatencies = await burst(flags.requests, flags.clients, async (index) => {
    await baselineSignUp(pool, theirs.id, theirs.sessions[0].appointmentId, teachers[index].id).catch(() => {
      baselineErrors += 1;
    });
  });
  const baselineMs = now() - baselineStarted;
  const baselineCpuUsed = difference(cpu(), baselineCpu);

  // The load generator is node:http with kept-alive connections, one per client: lighter than
  // fetch, so less of the machine's two cores goes to the client rather than to the API.
  const agent = new Agent({ keepAlive: true, maxSockets: flags.clients });
  bench.defer('close the HTTP agent', () => agent.destroy());
  // Every client first looks at the meeting, as a teacher waiting for registration to open has
  // its page open: that opens the client's kept-alive connection. Then all click at once.
  await Promise.all(
    Array.from({ length: flags.clients }, (_, index) =>
      get(`${urls[index % urls.length]}/theme-meetings/${ours.id}`, teacherTokens[index], agent),
    ),
  );
  const statuses = new Map<number, number>();
  const oursCpu = cpu();
  const oursStarted = now();
  const latencies = await burst(flags.requests, flags.clients, async (index) => {
    const status = await post(
      `${urls[index % urls.length]}/theme-meetings/${ours.id}/registrations`,
      teacherTokens[index],
      agent,
    );
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const oursMs = now() - oursStarted;
  const oursCpuUsed = difference(cpu(), oursCpu);
  const perSignUp = (ms: number) => round((ms * 1000) / flags.requests);

  const throughput = perSecond(flags.requests, oursMs);
  const baseline = perSecond(flags.requests, baselineMs);
  const latency = percentiles(latencies);
  const baselineLatency = percentiles(baselineLatencies);
  // The opening wave (every client's first request, sent at the same moment, to a process that
  // has not run a sign-up yet) apart from what follows it.
  const opening = percentiles(latencies.slice(0, flags.clients));
  const afterOpening = percentiles(latencies.slice(flags.clients));
  const baselineOpening = percentiles(baselineLatencies.slice(0, flags.clients));
  const baselineAfterOpening = percentiles(baselineLatencies.slice(flags.clients));
  const stored = await counts(db, ours.id);
  const storedBaseline = await counts(db, theirs.id);
  const expectedConfirmed = Math.min(flags.seats, flags.requests);

  checks.check('every sign-up answered 201', statuses.get(201) === flags.requests, JSON.stringify([...statuses]));
  checks.check(
    `exactly ${expectedConfirmed} confirmed, the rest waitlisted`,
    stored.confirmed === expectedConfirmed &&
      stored.counter === expectedConfirmed &&
      stored.waitlisted === flags.requests - expectedConfirmed,
    JSON.stringify(stored),
  );
  checks.check('one registration per person', stored.total === stored.people && stored.total === flags.requests);
  checks.check(
    'baseline: exact too, no errors',
    baselineErrors === 0 && storedBaseline.confirmed === expectedConfirmed && storedBaseline.total === flags.requests,
    `${baselineErrors} errors, ${JSON.stringify(storedBaseline)}`,
  );

  return {
    title: `signup-burst: ${flags.requests} sign-ups for ${flags.seats} seats, ${flags.clients} concurrent clients`,
    sections: [
      {
        title: `Leerkring (HTTP, ${flags['api-processes'] === 1 ? 'one API process' : `${flags['api-processes']} API processes`})`,
        rows: [
          { label: 'throughput', value: round(throughput), unit: 'sign-ups/s' },
          { label: 'latency p50', value: round(latency.p50), unit: 'ms' },
          { label: 'latency p99', value: round(latency.p99), unit: 'ms' },
          { label: 'opening wave: p50 / p99', value: `${round(opening.p50)} / ${round(opening.p99)}`, unit: 'ms' },
          {
            label: 'after the opening wave: p50 / p99',
            value: `${round(afterOpening.p50)} / ${round(afterOpening.p99)}`,
            unit: 'ms',
          },
          { label: 'CPU per sign-up: API process(es)', value: perSignUp(oursCpuUsed.api), unit: 'µs' },
          { label: 'CPU per sign-up: bench (HTTP client)', value: perSignUp(oursCpuUsed.bench), unit: 'µs' },
          { label: 'CPU per sign-up: MariaDB', value: perSignUp(oursCpuUsed.mariadb), unit: 'µs' },
        ],
      },
      {
        title: 'Baseline (the same transaction on mysql2, same pool size)',
        rows: [
          { label: 'throughput', value: round(baseline), unit: 'sign-ups/s' },
          { label: 'latency p50', value: round(baselineLatency.p50), unit: 'ms' },
          { label: 'latency p99', value: round(baselineLatency.p99), unit: 'ms' },
          {
            label: 'opening wave: p50 / p99',
            value: `${round(baselineOpening.p50)} / ${round(baselineOpening.p99)}`,
            unit: 'ms',
          },
          {
            label: 'after the opening wave: p50 / p99',
            value: `${round(baselineAfterOpening.p50)} / ${round(baselineAfterOpening.p99)}`,
            unit: 'ms',
          },
          { label: 'CPU per sign-up: bench (mysql2)', value: perSignUp(baselineCpuUsed.bench), unit: 'µs' },
          { label: 'CPU per sign-up: MariaDB', value: perSignUp(baselineCpuUsed.mariadb), unit: 'µs' },
        ],
      },
      {
        title: 'Machine',
        rows: [
          { label: 'cores', value: cpus().length },
          { label: 'memory', value: round(totalmem() / 2 ** 30, 1), unit: 'GiB' },
        ],
      },
    ],
    result: {
      bench: NAME,
      requests: flags.requests,
      api_processes: flags['api-processes'],
      throughput: round(throughput),
      baseline: round(baseline),
      ratio: round(throughput / baseline, 2),
      p50_ms: round(latency.p50),
      p99_ms: round(latency.p99),
      opening_p99_ms: round(opening.p99),
      after_opening_p99_ms: round(afterOpening.p99),
      baseline_p99_ms: round(baselineLatency.p99),
      confirmed: stored.confirmed,
      waitlisted: stored.waitlisted,
    },
  };
});
