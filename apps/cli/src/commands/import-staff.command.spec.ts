import { parseImportStaffArgs } from './import-staff.command';

describe('parseImportStaffArgs', () => {
  it('reads the file, --school (two ways) and --dry-run in any order', () => {
    expect(parseImportStaffArgs(['staf.csv'])).toEqual({ file: 'staf.csv', dryRun: false });
    expect(parseImportStaffArgs(['--dry-run', '--school', '12AB', 'staf.csv'])).toEqual({
      file: 'staf.csv',
      school: '12AB',
      dryRun: true,
    });
    expect(parseImportStaffArgs(['staf.csv', '--school=12AB01'])).toEqual({
      file: 'staf.csv',
      school: '12AB01',
      dryRun: false,
    });
  });

  it('refuses a missing file, a second file, an unknown option and --school without a value', () => {
    for (const args of [
      [],
      ['a.csv', 'b.csv'],
      ['a.csv', '--dryrun'],
      ['a.csv', '--school'],
      ['--school', '--dry-run', 'a.csv'],
    ]) {
      expect(parseImportStaffArgs(args)).toHaveProperty('error');
    }
  });
});
