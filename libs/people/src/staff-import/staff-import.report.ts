import type { SchoolFunction } from '../persons/membership.entity';
import type { CsvDelimiter, CsvEncoding } from './csv-reader';
import type { StaffField } from './staff-columns';
import type { PersonField, StaffImportPlan } from './staff-import.planner';
import type { StaffRowError } from './staff-row';

/** What importing one row does (or, in a dry run, would do). */
export interface StaffImportChange {
  line: number;
  email: string;
  person: 'create' | 'update' | 'unchanged';
  /** For `update`: the fields that change. */
  fields?: PersonField[];
  /** Memberships the row adds, as school code (`12AB`, `12AB01`) and function. */
  memberships?: Array<{ school: string; function: SchoolFunction }>;
}

export interface StaffImportReport {
  dryRun: boolean;
  /** Data rows in the file (the header and blank lines not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported because they have errors: rows = created + updated + unchanged + skipped. */
  skipped: number;
  membershipsCreated: number;
  /** By line; a row can have more than one. */
  errors: StaffRowError[];
  /** More errors than listed (the first `errorsLimit` are). */
  errorsTruncated?: boolean;
  /** Dry run only: every valid row, in file order (the first `changesLimit`). */
  changes?: StaffImportChange[];
  changesTruncated?: boolean;
  /** How the file was read. */
  file: {
    encoding: CsvEncoding;
    delimiter: CsvDelimiter;
    /** Which column each field came from. */
    columns: Partial<Record<StaffField, string>>;
    /** Headers the import did not use. */
    ignoredColumns: string[];
  };
}

export interface ReportLimits {
  errors: number;
  changes: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = { errors: 1_000, changes: 1_000 };

export function buildStaffImportReport(
  plan: StaffImportPlan,
  context: { dryRun: boolean; rows: number; file: StaffImportReport['file']; limits?: ReportLimits },
): StaffImportReport {
  const limits = context.limits ?? DEFAULT_REPORT_LIMITS;
  const report: StaffImportReport = {
    dryRun: context.dryRun,
    rows: context.rows,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    skipped: plan.skipped,
    membershipsCreated: plan.memberships.length,
    errors: plan.errors.slice(0, limits.errors),
    ...(plan.errors.length > limits.errors ? { errorsTruncated: true } : {}),
    file: context.file,
  };
  if (context.dryRun) {
    report.changes = plan.people.slice(0, limits.changes).map((person) => ({
      line: person.line,
      email: person.email,
      person: person.outcome,
      ...(person.changed.length > 0 ? { fields: person.changed } : {}),
      ...(person.newMemberships.length > 0 ? { memberships: person.newMemberships } : {}),
    }));
    if (plan.people.length > limits.changes) {
      report.changesTruncated = true;
    }
  }
  return report;
}

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

/** The report as an operator reads it in a terminal (the CLI prints this). */
export function formatStaffImportReport(report: StaffImportReport, source = 'the file'): string {
  const lines: string[] = [];
  const would = report.dryRun ? 'would be ' : '';
  lines.push(
    `${report.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${report.rows} row(s) from ${source}` +
      ` (${report.file.encoding}, ${DELIMITER_NAMES[report.file.delimiter]}-separated)`,
  );
  if (report.file.ignoredColumns.length > 0) {
    lines.push(`  columns not used: ${report.file.ignoredColumns.join(', ')}`);
  }
  lines.push(
    `  people: ${report.created} ${would}created, ${report.updated} ${would}updated, ${report.unchanged} unchanged`,
  );
  lines.push(`  memberships: ${report.membershipsCreated} ${would}created (existing memberships are left alone)`);
  if (report.changes) {
    const changes = report.changes.filter((change) => change.person !== 'unchanged' || change.memberships);
    if (changes.length > 0) {
      lines.push('  changes:');
      for (const change of changes) {
        const parts = [
          change.person === 'create'
            ? 'new person'
            : change.person === 'update'
              ? `changes ${change.fields?.join(', ')}`
              : 'person unchanged',
          ...(change.memberships ?? []).map((m) => `+ ${m.function} at ${m.school}`),
        ];
        lines.push(`    line ${change.line}: ${change.email}: ${parts.join('; ')}`);
      }
      if (report.changesTruncated) {
        lines.push(`    ... (only the first ${report.changes.length} rows are listed)`);
      }
    }
  }
  if (report.skipped === 0) {
    lines.push('  no errors');
  } else {
    lines.push(`  ${report.skipped} row(s) skipped because of errors:`);
    for (const error of report.errors) {
      lines.push(`    line ${error.line}: ${error.message}`);
    }
    if (report.errorsTruncated) {
      lines.push(`    ... (only the first ${report.errors.length} errors are listed)`);
    }
  }
  return lines.join('\n');
}
