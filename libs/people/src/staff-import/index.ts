// The staff import's public surface; its parts (reader, validator, planner) stay internal.
export type { CsvSource } from './csv-reader';
export { expectedStaffHeaders, STAFF_HEADERS, type StaffField } from './staff-columns';
export { FUNCTION_NAMES } from './staff-functions';
export * from './staff-import.dto';
export { StaffImportException, type StaffImportFailure } from './staff-import.exception';
export { StaffImportModule } from './staff-import.module';
export { formatStaffImportReport, type StaffImportChange, type StaffImportReport } from './staff-import.report';
export { StaffImportService, type StaffImportOptions, type StaffImportProgress } from './staff-import.service';
export type { StaffRowError } from './staff-row';
