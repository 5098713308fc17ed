import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { buildMessage, IsIn, IsOptional, IsString, Length, ValidateBy, type ValidationOptions } from 'class-validator';
import { HOLIDAY_REGIONS, type HolidayRegion } from '../schools/school.entity';
import { isCalendarDate } from './calendar-date';
import {
  CLOSURE_KINDS,
  CLOSURE_SCOPES,
  CLOSURE_SOURCES,
  type Closure,
  type ClosureKind,
  type ClosureScope,
  type ClosureSource,
} from './closure.entity';
import type { ClosureChanges } from './closure.repository';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A real calendar date written as YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a date written as YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

/** The kinds an admin may add by hand for one school. Holidays and public holidays come from imports. */
export const MANUAL_CLOSURE_KINDS = ['study_day', 'holiday'] as const satisfies readonly ClosureKind[];
export type ManualClosureKind = (typeof MANUAL_CLOSURE_KINDS)[number];

export class ClosureRangeQuery {
  @ApiProperty({ example: '2026-08-01', description: 'First date (YYYY-MM-DD), included' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2027-07-31', description: 'Last date (YYYY-MM-DD), included; at most 3 years after from' })
  @IsCalendarDate()
  to!: string;
}

export class ClosedQuery {
  @ApiProperty({ example: '2026-10-20', description: 'The date to ask about (YYYY-MM-DD)' })
  @IsCalendarDate()
  date!: string;
}

export class CreateClosureDto {
  @ApiPropertyOptional({ enum: MANUAL_CLOSURE_KINDS, default: 'study_day' })
  @IsOptional()
  @IsIn(MANUAL_CLOSURE_KINDS)
  kind?: ManualClosureKind;

  @ApiProperty({ example: 'Studiedag team' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '2026-11-13', description: 'First closed date (YYYY-MM-DD)' })
  @IsCalendarDate()
  startDate!: string;

  @ApiPropertyOptional({
    example: '2026-11-13',
    description: 'Last closed date (YYYY-MM-DD), included; default startDate',
  })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;
}

export class UpdateClosureDto {
  @ApiPropertyOptional({ enum: MANUAL_CLOSURE_KINDS })
  @IsOptional()
  @IsIn(MANUAL_CLOSURE_KINDS)
  kind?: ManualClosureKind;

  @ApiPropertyOptional({ example: 'Studiedag team' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: '2026-11-13' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2026-11-13' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;
}

export class ClosureResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CLOSURE_KINDS }) kind!: ClosureKind;
  @ApiProperty({ example: 'Herfstvakantie' }) name!: string;
  @ApiProperty({ example: '2026-10-17', description: 'First closed date' }) startDate!: string;
  @ApiProperty({ example: '2026-10-25', description: 'Last closed date (included)' }) endDate!: string;
  @ApiProperty({ enum: CLOSURE_SCOPES }) scope!: ClosureScope;
  @ApiProperty({ enum: HOLIDAY_REGIONS, nullable: true, type: String }) region!: HolidayRegion | null;
  @ApiProperty({ nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ enum: CLOSURE_SOURCES }) source!: ClosureSource;
}

export class ClosureListResponse {
  @ApiProperty({ example: '2026-08-01' }) from!: string;
  @ApiProperty({ example: '2027-07-31' }) to!: string;
  @ApiProperty({ type: [ClosureResponse], description: 'Chronological; the date range bounds the list' })
  items!: ClosureResponse[];
}

export class ClosedResponse {
  @ApiProperty({ example: '2026-10-20' }) date!: string;
  @ApiProperty() closed!: boolean;
  @ApiProperty({
    type: ClosureResponse,
    nullable: true,
    description: 'Why: the most specific closure (study day, then holiday, then public holiday)',
  })
  closure!: ClosureResponse | null;
}

export class ClosureChangesResponse {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() removed!: number;
}

export class RijksoverheidImportResponse {
  @ApiProperty({ example: ['2026-2027'] }) schoolYears!: string[];
  @ApiProperty({ type: ClosureChangesResponse, description: 'School holidays (per region or heel Nederland)' })
  holidays!: ClosureChangesResponse;
  @ApiProperty({ type: ClosureChangesResponse, description: 'Public holidays of the same school years, computed' })
  publicHolidays!: ClosureChangesResponse;
}

export class IcalImportResponse extends ClosureChangesResponse {}

export function mapClosure(closure: Closure): ClosureResponse {
  return {
    id: closure.id,
    kind: closure.kind,
    name: closure.name,
    startDate: closure.startDate,
    endDate: closure.endDate,
    scope: closure.scope,
    region: closure.region,
    schoolId: closure.schoolId,
    schoolYear: closure.schoolYear,
    source: closure.source,
  };
}

export function mapChanges(changes: ClosureChanges): ClosureChangesResponse {
  return {
    created: changes.created,
    updated: changes.updated,
    unchanged: changes.unchanged,
    removed: changes.removed,
  };
}
