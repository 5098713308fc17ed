/**
 * staff-import: how fast Leerkring imports a staff CSV (read, validate, plan, write in one
 * transaction), next to a bare mysql2 baseline that writes the same people and memberships with
 * multi-row INSERT ... ON DUPLICATE KEY UPDATE, measured in the same run. See docs/staff-import.md.
 *
 *   npm run bench:staff-import -- --rows 10000 --schools 40 --runs 3
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createConnection, type Connection } from 'mysql2/promise';
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
import { StaffImportModule, StaffImportService, type StaffImportReport } from '@leerkring/people';
import { generateStaff, staffCsv, type StaffLine, type StaffSchool } from '../test/staff-import/staff-csv';
import {
  deleteBenchRedisKeys,
  dropBenchDatabase,
  parseFlags,
  perSecond,
  round,
  runBench,
  timed,
  type Bench,
  type ReportRow,
} from './lib';

const NAME = 'staff-import';
const DOMAIN = 'rivierenland-bench.nl';
/** As the import's own batches. */
const BASELINE_BATCH = 500;

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, StaffImportModule] })
class BenchStaffImportModule {}

/** `count` schools: BRIN codes 10AA.., every fourth one with two vestigingen. */
function benchSchools(count: number): Array<StaffSchool & { id: string; name: string }> {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return Array.from({ length: count }, (_, index) => {
    const brin = `${10 + Math.floor(index / 4)}${letters[index % letters.length]}${letters[(index * 7) % letters.length]}`;
    return { id: randomUUID(), name: `Bench school ${index + 1}`, brin, vestiging: index % 4 === 3 ? '01' : '' };
  });
}

async function wipeStaff(db: DataSource): Promise<void> {
  await db.query('DELETE FROM school_membership');
  await db.query('UPDATE person SET line_manager_id = NULL');
  await db.query('DELETE FROM person');
  await db.query('DELETE FROM audit_event');
}

/**
 * The floor: the same end state written with bare mysql2 from rows already in memory (no CSV,
 * no validation, no reads, no plan), managers first so line managers go in with the people.
 */
async function baselineImport(connection: Connection, lines: readonly StaffLine[], schoolIds: Map<string, string>) {
  const people = lines.map((line) => ({ ...line, email: line.email.toLowerCase(), id: randomUUID() }));
  const idByEmail = new Map(people.map((person) => [person.email, person.id]));
  const ordered = [...people.filter((p) => !p.lineManagerEmail), ...people.filter((p) => p.lineManagerEmail)];
  await connection.beginTransaction();
  for (let start = 0; start < ordered.length; start += BASELINE_BATCH) {
    const batch = ordered.slice(start, start + BASELINE_BATCH);
    await connection.query(
      `INSERT INTO person (id, email, given_name, family_name_prefix, family_name, language, active, line_manager_id)
       VALUES ? ON DUPLICATE KEY UPDATE given_name = VALUES(given_name), family_name_prefix = VALUES(family_name_prefix),
         family_name = VALUES(family_name), language = VALUES(language), active = VALUES(active),
         line_manager_id = VALUES(line_manager_id)`,
      [
        batch.map((p) => [
          p.id,
          p.email,
          p.givenName,
          p.familyNamePrefix,
          p.familyName,
          p.language,
          p.active,
          p.lineManagerEmail ? (idByEmail.get(p.lineManagerEmail) ?? null) : null,
        ]),
      ],
    );
  }
  const memberships = people.flatMap((p) =>
    p.functions.map((fn) => [randomUUID(), p.id, schoolIds.get(p.school) as string, fn]),
  );
  for (let start = 0; start < memberships.length; start += BASELINE_BATCH) {
    await connection.query(
      'INSERT INTO school_membership (id, person_id, school_id, `function`) VALUES ? ON DUPLICATE KEY UPDATE id = id',
      [memberships.slice(start, start + BASELINE_BATCH)],
    );
  }
  await connection.commit();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** What the database holds after an import, to compare with what the file says. */
async function snapshot(db: DataSource) {
  const people = await db.query<Array<{ email: string; manager: string | null }>>(
    'SELECT p.email, m.email AS manager FROM person p LEFT JOIN person m ON m.id = p.line_manager_id',
  );
  const [{ memberships, lastUpdate }] = await db.query<Array<{ memberships: string; lastUpdate: Date | null }>>(
    'SELECT (SELECT COUNT(*) FROM school_membership) AS memberships, (SELECT MAX(updated_at) FROM person) AS lastUpdate',
  );
  return { people, memberships: Number(memberships), lastUpdate: lastUpdate?.toISOString() ?? null };
}

runBench(NAME, async (bench: Bench) => {
  const flags = parseFlags(NAME, {
    rows: { default: 10_000, min: 10, max: 200_000, description: 'staff rows in the CSV' },
    schools: { default: 40, min: 1, max: 500, description: 'schools they work at' },
    runs: { default: 3, min: 1, max: 20, description: 'fresh imports per side (the median counts)' },
  });
  const { env, checks, log } = bench;

  log(`database ${env.databaseName}`);
  bench.defer('drop the bench database', () => dropBenchDatabase(env));
  bench.defer('delete the bench Redis keys', () => deleteBenchRedisKeys(env));
  await dropBenchDatabase(env); // left over from an interrupted run
  const config = loadConfig(readEnvironment());
  await migrateDatabase(config.database);

  const app = await NestFactory.createApplicationContext(BenchStaffImportModule, { logger: ['error', 'warn'] });
  bench.defer('close the application context', () => app.close());
  const db = app.get<DataSource>(getDataSourceToken());
  const service = app.get(StaffImportService);
  const connection = await createConnection({ uri: env.databaseUrl, timezone: 'Z' });
  bench.defer('close the baseline connection', () => connection.end());

  const schools = benchSchools(flags.schools);
  await db.query(
    `INSERT INTO school (id, name, brin, vestiging, sector, holiday_region) VALUES ${schools.map(() => "(?, ?, ?, ?, 'PO', 'middle')").join(', ')}`,
    schools.flatMap((school) => [school.id, school.name, school.brin, school.vestiging]),
  );
  const schoolIds = new Map(schools.map((school) => [`${school.brin}${school.vestiging}`, school.id]));

  const lines = generateStaff({ rows: flags.rows, schools, domain: DOMAIN });
  const csv = Buffer.from(staffCsv(lines).text, 'utf-8');
  const expectedMemberships = lines.reduce((sum, line) => sum + line.functions.length, 0);
  log(
    `${flags.rows} rows, ${round(csv.length / 1024)} KiB, ${expectedMemberships} memberships, ${flags.schools} schools`,
  );

  const importCsv = (dryRun: boolean) => service.import([csv], { dryRun, actor: null });
  const ours: number[] = [];
  const bare: number[] = [];
  let first: StaffImportReport | undefined;
  for (let run = 1; run <= flags.runs; run += 1) {
    await wipeStaff(db);
    bare.push((await timed(() => baselineImport(connection, lines, schoolIds))).ms);
    await wipeStaff(db);
    const { result, ms } = await timed(() => importCsv(false));
    ours.push(ms);
    first ??= result;
    log(`run ${run}: Leerkring ${round(ms)} ms, baseline ${round(bare[bare.length - 1])} ms`);
  }
  const report = first as StaffImportReport;

  // Correctness: the last import's end state is exactly what the file says.
  const stored = await snapshot(db);
  checks.check(
    'first import: every row created, no errors',
    report.created === flags.rows && report.skipped === 0,
    `${report.created} created, ${report.skipped} skipped`,
  );
  const wanted = new Map(lines.map((line) => [line.email.toLowerCase(), line.lineManagerEmail || null]));
  checks.check(
    `all ${flags.rows} people present`,
    stored.people.length === flags.rows && stored.people.every((p) => wanted.has(p.email)),
    `${stored.people.length} stored`,
  );
  const wrongManagers = stored.people.filter((p) => wanted.get(p.email) !== p.manager).length;
  checks.check('every line manager linked', wrongManagers === 0, `${wrongManagers} wrong`);
  checks.check(
    'every membership present',
    stored.memberships === expectedMemberships,
    `${stored.memberships} of ${expectedMemberships}`,
  );

  const reimport = await timed(() => importCsv(false));
  const after = await snapshot(db);
  checks.check(
    're-import changes nothing',
    reimport.result.created === 0 &&
      reimport.result.updated === 0 &&
      reimport.result.membershipsCreated === 0 &&
      reimport.result.unchanged === flags.rows &&
      after.lastUpdate === stored.lastUpdate &&
      after.memberships === stored.memberships,
    `${reimport.result.created} created, ${reimport.result.updated} updated, ${reimport.result.membershipsCreated} memberships`,
  );
  const dryRun = await timed(() => importCsv(true));
  checks.check(
    'dry run reports all unchanged and writes nothing',
    dryRun.result.unchanged === flags.rows && (await snapshot(db)).lastUpdate === stored.lastUpdate,
    `${dryRun.result.unchanged} unchanged`,
  );

  const oursMs = median(ours);
  const bareMs = median(bare);
  const rowsPerS = perSecond(flags.rows, oursMs);
  const baseline = perSecond(flags.rows, bareMs);
  const ratio = rowsPerS / baseline;
  const side = (samples: number[]): ReportRow[] => [
    { label: 'rows per second (median)', value: round(perSecond(flags.rows, median(samples))), unit: 'rows/s' },
    {
      label: 'time (median)',
      value: round(median(samples)),
      unit: `ms; runs: ${samples.map((ms) => round(ms)).join(', ')}`,
    },
  ];
  return {
    title: `staff-import: ${flags.rows} rows, ${flags.schools} schools, ${flags.runs} run(s) per side`,
    sections: [
      {
        title: 'run',
        rows: [
          { label: 'rows', value: flags.rows },
          { label: 'file size', value: round(csv.length / 1024), unit: 'KiB (UTF-8 with BOM, ";", CRLF)' },
          { label: 'memberships', value: expectedMemberships },
          { label: 'schools', value: flags.schools },
          {
            label: 'machine',
            value: `${cpus().length} cpus`,
            unit: `${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
          },
        ],
      },
      {
        title: 'Leerkring: StaffImportService (read, validate, plan, write, audit; one transaction)',
        rows: side(ours),
      },
      {
        title: 'Leerkring, the same file again',
        rows: [
          { label: 're-import (nothing to write)', value: round(perSecond(flags.rows, reimport.ms)), unit: 'rows/s' },
          { label: 'dry run', value: round(perSecond(flags.rows, dryRun.ms)), unit: 'rows/s' },
        ],
      },
      {
        title: 'baseline: bare mysql2 multi-row INSERT ... ON DUPLICATE KEY UPDATE, rows already in memory',
        rows: side(bare),
      },
      { title: 'comparison', rows: [{ label: 'rows/s ratio', value: round(ratio, 2), unit: 'Leerkring / baseline' }] },
    ],
    result: {
      bench: NAME,
      rows: flags.rows,
      rows_per_s: round(rowsPerS),
      baseline: round(baseline),
      ratio: round(ratio, 2),
      ms: round(oursMs),
      baseline_ms: round(bareMs),
      reimport_rows_per_s: round(perSecond(flags.rows, reimport.ms)),
      dry_run_rows_per_s: round(perSecond(flags.rows, dryRun.ms)),
      memberships: expectedMemberships,
      schools: flags.schools,
      runs: flags.runs,
    },
  };
});
