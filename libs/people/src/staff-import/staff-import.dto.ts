import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FUNCTIONS, type SchoolFunction } from '../persons/membership.entity';
import { CSV_DELIMITERS, CSV_ENCODINGS, type CsvDelimiter, type CsvEncoding } from './csv-reader';
import { STAFF_FIELDS, type StaffField } from './staff-columns';
import { PERSON_FIELDS, type PersonField } from './staff-import.planner';
import type { StaffImportChange, StaffImportReport } from './staff-import.report';
import type { StaffRowError } from './staff-row';

/** The content types a staff file may be sent with (browsers send Excel's type for .csv on Windows). */
export const STAFF_CSV_CONTENT_TYPES = [
  'text/csv',
  'application/csv',
  'text/x-csv',
  'text/comma-separated-values',
  'text/plain',
  'application/vnd.ms-excel',
];

/** The largest staff file the API takes (the route's own body limit; JSON routes keep 1 MB). */
export const STAFF_CSV_MAX_BYTES = 10 * 1024 * 1024;

export class StaffImportQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: report what would change and write nothing',
  })
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'])
  dryRun?: string;

  @ApiPropertyOptional({
    example: '12AB',
    description: 'BRIN code (with optional vestiging, e.g. 12AB01) for rows without a school column of their own',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  school?: string;
}

export class StaffImportErrorResponse implements StaffRowError {
  @ApiProperty({ example: 14, description: 'Line of the file; the header is line 1' }) line!: number;
  @ApiPropertyOptional({ enum: STAFF_FIELDS }) field?: StaffField;
  @ApiProperty({ example: 'E-mailadres: "jan@" is not a valid email address' }) message!: string;
}

export class StaffImportMembershipChange {
  @ApiProperty({ example: '12AB01' }) school!: string;
  @ApiProperty({ enum: FUNCTIONS }) function!: SchoolFunction;
}

export class StaffImportChangeResponse implements StaffImportChange {
  @ApiProperty() line!: number;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'] }) person!: 'create' | 'update' | 'unchanged';
  @ApiPropertyOptional({ enum: PERSON_FIELDS, isArray: true }) fields?: PersonField[];
  @ApiPropertyOptional({ type: [StaffImportMembershipChange] }) memberships?: StaffImportMembershipChange[];
}

export class StaffImportFileResponse {
  @ApiProperty({ enum: CSV_ENCODINGS }) encoding!: CsvEncoding;
  @ApiProperty({ enum: CSV_DELIMITERS }) delimiter!: CsvDelimiter;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { email: 'E-mailadres', givenName: 'Voornaam' },
    description: 'Which column of the file each field was read from',
  })
  columns!: Partial<Record<StaffField, string>>;
  @ApiProperty({ type: [String] }) ignoredColumns!: string[];
}

export class StaffImportReportResponse implements StaffImportReport {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Data rows in the file' }) rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'Rows not imported because of errors' }) skipped!: number;
  @ApiProperty() membershipsCreated!: number;
  @ApiProperty({ type: [StaffImportErrorResponse] }) errors!: StaffImportErrorResponse[];
  @ApiPropertyOptional() errorsTruncated?: boolean;
  @ApiPropertyOptional({ type: [StaffImportChangeResponse], description: 'Dry run only' })
  changes?: StaffImportChangeResponse[];
  @ApiPropertyOptional() changesTruncated?: boolean;
  @ApiProperty({ type: StaffImportFileResponse }) file!: StaffImportFileResponse;
}
