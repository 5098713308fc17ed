/**
 * drill:faults: the load of drill:scale, and during it, in turn: a worker killed with SIGKILL
 * (and a new one started), the drill's own Redis stopped for 30 s, the SMTP server answering 421
 * for 30 s, and the drill database's connections killed from the server side for 15 s. After all
 * of them, the same checks as drill:scale; during them, what the API answered. See docs/drills.md.
 *
 *   npm run drill:faults -- --seconds 200
 */
import { sleep } from '../bench/lib';
import type { DrillContext } from './lib/drill';
import { runDrill } from './lib/drill';
import type { Answer } from './lib/load';
import { killDrillDatabaseConnections } from './lib/resources';

/** After a fault ends, work it held up may still finish late (stalled jobs, retries, lapsed leases). */
const GRACE_MS = 60_000;

const writes = (answers: Answer[], from: number, to: number) =>
  answers.filter((a) => a.at >= from && a.at <= to && a.method !== 'GET' && !a.op.startsWith('check:'));

function statusList(answers: Answer[]): string {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    const key = answer.status === 503 ? `503 ${answer.code}` : String(answer.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([status, n]) => `${status}: ${n}`).join(', ');
}

async function faults(drill: DrillContext, seconds: number): Promise<void> {
  const { cluster, recorder, load, checks, log, env, faultWindows, faultRows } = drill;
  const started = Date.now();
  const stopAt = started + seconds * 1000;
  const window = (name: string, from: number, to: number) => faultWindows.push({ name, from, to: to + GRACE_MS });

  // 1. SIGKILL a worker in the middle of its work, then start a new one.
  await sleep(15_000);
  let from = Date.now();
  const killed = cluster.killWorker(0);
  log(`fault 1: SIGKILL worker ${killed.pid}`);
  await sleep(5_000);
  await cluster.startWorker();
  window('worker killed', from, Date.now());
  faultRows.push({ label: 'SIGKILL a worker', value: 'done', unit: `pid ${killed.pid}; a new worker after 5 s` });

  // 2. Stop the drill's own Redis for 30 s. Writes must keep answering 2xx: the outbox holds them.
  await sleep(10_000);
  from = Date.now();
  log('fault 2: Redis stopped for 30 s');
  await drill.ownRedis?.stop();
  for (let waited = 0; waited < 30_000; waited += 5_000) {
    const probeStarted = Date.now();
    const probe = load.request('check: probe /me', 'GET', '/me', load.someone());
    await sleep(5_000);
    const answered = load.answers.find((a) => a.op === 'check: probe /me' && a.startedAt === probeStarted);
    log(
      `Redis down ${waited / 1000 + 5} s: ${load.inFlight} requests in flight, ${load.answers.length} answers; ` +
        `GET /me ${answered ? `${answered.status} in ${answered.at - probeStarted} ms` : 'no answer after 5 s'}`,
    );
    void probe;
  }
  const redisBack = Date.now();
  await drill.ownRedis?.start();
  log('fault 2: Redis started again');
  window('redis down', from, Date.now());
  // Writes sent while Redis was down: answered, and with success or a rule's refusal, within 10 s.
  const duringRedis = load.answers.filter(
    (a) => a.startedAt >= from + 1_000 && a.startedAt <= redisBack && a.method !== 'GET',
  );
  const planning = duringRedis.filter((a) => !a.op.startsWith('theme: '));
  const slow = planning.filter((a) => a.at - a.startedAt > 10_000);
  const refused = planning.filter((a) => !(a.status >= 200 && a.status < 300) && a.status !== 409 && a.status !== 422);
  const slowest = Math.max(0, ...planning.map((a) => a.at - a.startedAt));
  checks.check(
    'Redis down: planning writes answer 2xx within 10 s (outbox)',
    planning.length > 0 && refused.length === 0 && slow.length === 0,
    `${planning.length} writes: ${statusList(planning)}; slowest ${Math.round(slowest / 100) / 10} s`,
  );
  const theme = duringRedis.filter((a) => a.op.startsWith('theme: '));
  faultRows.push({
    label: 'Redis stopped 30 s',
    value: 'done',
    unit: `planning writes ${statusList(planning)}; theme ${statusList(theme) || 'none'}`,
  });

  // 3. The SMTP server answers 421 for 30 s.
  await sleep(10_000);
  from = Date.now();
  const refusedBefore = recorder.refused;
  log('fault 3: SMTP 421 for 30 s');
  recorder.refuse(421);
  await sleep(30_000);
  recorder.accept();
  window('smtp 421', from, Date.now());
  faultRows.push({
    label: 'SMTP 421 for 30 s',
    value: 'done',
    unit: `${recorder.refused - refusedBefore} deliveries refused, retried`,
  });

  // 4. Kill the drill database's connections from the server side, again and again for 15 s.
  await sleep(10_000);
  from = Date.now();
  log('fault 4: database connections killed for 15 s');
  let kills = 0;
  while (Date.now() < from + 15_000) {
    kills += await killDrillDatabaseConnections(env);
    await sleep(250);
  }
  const dbBack = Date.now();
  window('database connections killed', from, dbBack);
  const duringDb = writes(load.answers, from, dbBack + 1_000);
  const unavailable = duringDb.filter((a) => a.status === 503);
  checks.check(
    'database cut: 503 problem+json (dependency_unavailable), never 500',
    duringDb.every(
      (a) => a.status !== 500 && (a.status !== 503 || (a.problemJson && a.code === 'dependency_unavailable')),
    ),
    `${duringDb.length} writes: ${statusList(duringDb)}`,
  );
  // Recovery by itself: a plain write answers 2xx again within 10 s, through every API.
  const recovered = await Promise.all(
    cluster.apis.map(async () => {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const answer = await load.request('check: recovery', 'GET', '/me', drill.load.someone());
        if (answer.status === 200) {
          return Date.now() - dbBack;
        }
        await sleep(500);
      }
      return Infinity;
    }),
  );
  checks.check(
    'database cut: the API recovers by itself',
    recovered.every((ms) => ms < 10_000),
    `${recovered.map((ms) => `${ms} ms`).join(', ')} after the last kill`,
  );
  faultRows.push({
    label: 'DB connections killed 15 s',
    value: 'done',
    unit: `${kills} connections killed; ${unavailable.length} writes answered 503`,
  });
  if (Date.now() > stopAt) {
    log(`the faults took longer than the load (${seconds} s); use --seconds 200 or more`);
  }
}

runDrill('faults', {
  defaultSeconds: 200,
  minSeconds: 160,
  // A lease above the SMTP socket timeout (30 s) but short, so a mail that was mid-send when its worker died is claimed again within the drill.
  appEnv: { MAIL_CLAIM_LEASE_MS: '40000' },
  during: faults,
});
