import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiException, ErrorCode, inLockedTransaction, NamedLockTimeout } from '@leerkring/core';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log';
import { CsvReader, type CsvSource } from './csv-reader';
import { SchoolDirectory, type SchoolRef } from './school-directory';
import { mapStaffColumns, type StaffColumns, type StaffField } from './staff-columns';
import { StaffImportException } from './staff-import.exception';
import { planStaffImport, type StaffImportPlan } from './staff-import.planner';
import { buildStaffImportReport, type ReportLimits, type StaffImportReport } from './staff-import.report';
import { StaffImportRepository, type PersonUpdateColumn } from './staff-import.repository';
import { parseSchoolCode, StaffRowCollector } from './staff-row';

/** How an import tells its caller how far the writing is (the CLI draws a bar). */
export interface StaffImportProgress {
  start(label: string, total: number): void;
  advance(count: number): void;
  stop(): void;
}

export interface StaffImportOptions {
  /** Report what would change, write nothing. */
  dryRun: boolean;
  /** BRIN code, with optional vestiging (`12AB`, `12AB01`), for rows without a school of their own. */
  defaultSchool?: string;
  /** A signed-in caller (must be an admin), or null for the system itself (the CLI). */
  actor: Actor | null;
  requestId?: string | null;
  progress?: StaffImportProgress;
  /** How many errors and (dry run) changes the report lists. */
  limits?: ReportLimits;
}

const IMPORT_LOCK = 'leerkring:staff-import';
const IMPORT_LOCK_TIMEOUT_S = 30;

const UPDATE_COLUMN_BY_FIELD: Partial<Record<StaffField, PersonUpdateColumn>> = {
  familyNamePrefix: 'family_name_prefix',
  language: 'language',
  active: 'active',
  lineManagerEmail: 'line_manager_id',
};

const noProgress: StaffImportProgress = { start: () => undefined, advance: () => undefined, stop: () => undefined };

/**
 * Imports staff from a CSV export: people upserted by email, memberships added per school,
 * line managers linked. Rows with errors are reported and skipped; the rest is written in one
 * transaction, under a named lock so two imports never interleave. Memberships that are not in
 * the file are left alone: an import never deletes.
 */
@Injectable()
export class StaffImportService {
  private readonly logger = new Logger(StaffImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async import(source: CsvSource, options: StaffImportOptions): Promise<StaffImportReport> {
    if (options.actor && !options.actor.roles.has('admin')) {
      throw new ApiException(403, ErrorCode.Forbidden, 'Not allowed', { detail: 'Only admins import staff.' });
    }
    const schools = new SchoolDirectory(await new StaffImportRepository(this.dataSource.manager).findSchools());
    const defaultSchool = this.resolveDefaultSchool(schools, options.defaultSchool);
    const { reader, columns, collector } = await this.read(source, defaultSchool !== undefined);
    const file: StaffImportReport['file'] = {
      encoding: reader.encoding,
      delimiter: reader.delimiter,
      columns: Object.fromEntries([...columns.byField].map(([field, column]) => [field, column.header])),
      ignoredColumns: columns.ignored,
    };
    const context = { dryRun: options.dryRun, rows: collector.records, file, limits: options.limits };

    if (options.dryRun) {
      const plan = await this.plan(
        new StaffImportRepository(this.dataSource.manager),
        collector,
        columns,
        schools,
        defaultSchool,
      );
      return buildStaffImportReport(plan, context);
    }
    const report = await this.inLockedTransaction(async (manager) => {
      const repository = new StaffImportRepository(manager);
      const plan = await this.plan(repository, collector, columns, schools, defaultSchool);
      await this.write(repository, plan, columns, options.progress ?? noProgress);
      const built = buildStaffImportReport(plan, context);
      await this.audit.record(
        {
          actorPersonId: options.actor?.personId ?? null,
          action: 'import',
          entityType: 'staff',
          details: {
            rows: built.rows,
            created: built.created,
            updated: built.updated,
            unchanged: built.unchanged,
            skipped: built.skipped,
            membershipsCreated: built.membershipsCreated,
            ...(defaultSchool ? { defaultSchoolId: defaultSchool.id } : {}),
          },
          requestId: options.requestId ?? null,
        },
        manager,
      );
      return built;
    });
    this.logger.log(
      `staff import: ${report.rows} rows, ${report.created} created, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.skipped} skipped, ${report.membershipsCreated} memberships created`,
    );
    return report;
  }

  private resolveDefaultSchool(schools: SchoolDirectory, code: string | undefined): SchoolRef | undefined {
    if (code === undefined) {
      return undefined;
    }
    const parsed = parseSchoolCode(code.trim());
    const resolved = 'error' in parsed ? parsed : schools.resolve(parsed);
    if ('error' in resolved) {
      throw StaffImportException.badArgument('school', `default school: ${resolved.error}`);
    }
    return resolved.school;
  }

  /** Reads the whole file, validating each row as it streams by; only valid rows are kept. */
  private async read(
    source: CsvSource,
    hasDefaultSchool: boolean,
  ): Promise<{ reader: CsvReader; columns: StaffColumns; collector: StaffRowCollector }> {
    const reader = new CsvReader(source);
    let columns: StaffColumns | undefined;
    let collector: StaffRowCollector | undefined;
    for await (const record of reader.records()) {
      if (collector) {
        collector.add(record);
        continue;
      }
      const mapped = mapStaffColumns(record.unclosedQuote ? [] : record.fields);
      if ('missing' in mapped) {
        throw StaffImportException.unreadableHeader(
          `The first line is not a header we recognise: it has no column for ${mapped.missing.join(', ')}.`,
          mapped.missing,
        );
      }
      if (mapped.byField.has('function') && !mapped.byField.has('school') && !hasDefaultSchool) {
        throw StaffImportException.badArgument(
          'school',
          'The file has a function column but no school column (BRIN, Schoolcode): give a default school.',
        );
      }
      columns = mapped;
      collector = new StaffRowCollector(mapped);
    }
    if (!columns || !collector) {
      throw StaffImportException.unreadableHeader('The file is empty.', ['email', 'givenName', 'familyName']);
    }
    return { reader, columns, collector };
  }

  private async plan(
    repository: StaffImportRepository,
    collector: StaffRowCollector,
    columns: StaffColumns,
    schools: SchoolDirectory,
    defaultSchool: SchoolRef | undefined,
  ): Promise<StaffImportPlan> {
    const emails = new Set<string>();
    for (const row of collector.rows) {
      emails.add(row.email);
      if (row.lineManagerEmail !== undefined) {
        emails.add(row.lineManagerEmail);
      }
    }
    const stored = await repository.findPeopleByEmail([...emails]);
    const storedIds = collector.rows.flatMap((row) => stored.get(row.email)?.id ?? []);
    const storedMemberships = await repository.findMembershipKeys(storedIds);
    return planStaffImport({
      rows: collector.rows,
      errors: collector.errors,
      columns,
      schools,
      defaultSchool,
      stored,
      storedMemberships,
      newId: randomUUID,
    });
  }

  private async write(
    repository: StaffImportRepository,
    plan: StaffImportPlan,
    columns: StaffColumns,
    progress: StaffImportProgress,
  ): Promise<void> {
    const people = plan.people.filter((person) => person.outcome !== 'unchanged');
    const updateColumns = [...columns.byField.keys()].flatMap((field) => UPDATE_COLUMN_BY_FIELD[field] ?? []);
    if (people.length > 0) {
      progress.start('people', people.length);
      try {
        await repository.upsertPeople(
          people.map((person) => person.write),
          updateColumns,
          (written) => progress.advance(written),
        );
      } finally {
        progress.stop();
      }
      await repository.setLineManagers(
        people.flatMap((person) =>
          person.lineManagerLater === undefined
            ? []
            : [{ id: person.write.id, lineManagerId: person.lineManagerLater }],
        ),
      );
    }
    if (plan.memberships.length > 0) {
      progress.start('memberships', plan.memberships.length);
      try {
        await repository.insertMemberships(plan.memberships, (written) => progress.advance(written));
      } finally {
        progress.stop();
      }
    }
  }

  /** One connection: the named lock, then a transaction; all of the import is stored, or none. */
  private async inLockedTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await inLockedTransaction(this.dataSource, IMPORT_LOCK, IMPORT_LOCK_TIMEOUT_S, work);
    } catch (error) {
      throw error instanceof NamedLockTimeout ? StaffImportException.busy() : error;
    }
  }
}
