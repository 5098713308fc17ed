import { formatStaffImportReport, type StaffImportReport } from './staff-import.report';

const REPORT: StaffImportReport = {
  dryRun: true,
  rows: 4,
  created: 1,
  updated: 1,
  unchanged: 1,
  skipped: 1,
  membershipsCreated: 2,
  errors: [{ line: 5, field: 'email', message: 'E-mailadres: "jan@" is not a valid email address' }],
  changes: [
    { line: 2, email: 'anna@school.nl', person: 'create', memberships: [{ school: '12AB', function: 'teacher' }] },
    { line: 3, email: 'bram@school.nl', person: 'update', fields: ['familyName', 'lineManager'] },
    { line: 4, email: 'cor@school.nl', person: 'unchanged' },
  ],
  file: { encoding: 'utf-8', delimiter: ';', columns: {}, ignoredColumns: ['Opmerking'] },
};

describe('formatStaffImportReport', () => {
  it('prints the counts, the changes of a dry run and the errors with their lines', () => {
    expect(formatStaffImportReport(REPORT, 'staf.csv').split('\n')).toEqual([
      'Dry run (nothing written): 4 row(s) from staf.csv (utf-8, semicolon-separated)',
      '  columns not used: Opmerking',
      '  people: 1 would be created, 1 would be updated, 1 unchanged',
      '  memberships: 2 would be created (existing memberships are left alone)',
      '  changes:',
      '    line 2: anna@school.nl: new person; + teacher at 12AB',
      '    line 3: bram@school.nl: changes familyName, lineManager',
      '  1 row(s) skipped because of errors:',
      '    line 5: E-mailadres: "jan@" is not a valid email address',
    ]);
  });

  it('says so when there are no errors', () => {
    const report = { ...REPORT, dryRun: false, skipped: 0, errors: [], changes: undefined };
    expect(formatStaffImportReport(report)).toContain('\n  no errors');
    expect(formatStaffImportReport(report)).toContain('people: 1 created, 1 updated, 1 unchanged');
  });
});
