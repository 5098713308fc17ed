import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstantString } from '@leerkring/scheduling';
import {
  ATTENDANCE_STATUSES,
  CLOSURE_POLICIES,
  type AttendanceStatus,
  type ClosurePolicy,
} from './intervision.entities';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const toIntArray = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]).map((item: unknown) =>
    typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item,
  );
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCHOOL_YEAR = /^\d{4}-\d{4}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateGroupDto {
  @ApiProperty({ maxLength: 200, example: 'Intervisie starters Noord' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Default: the caller (a coach). An admin names the facilitator.',
  })
  @IsOptional()
  @IsUUID()
  facilitatorPersonId?: string;

  @ApiProperty({ description: 'A method code from GET /intervision/methods, e.g. incident.' })
  @IsString()
  @MaxLength(60)
  method!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The school it meets at (or give onlineUrl).' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  room?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'https://meet.example.org/intervisie' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string;

  @ApiProperty({ example: '2027-2028' })
  @Matches(SCHOOL_YEAR, { message: 'schoolYear is written as 2027-2028' })
  schoolYear!: string;

  @ApiProperty({
    enum: CLOSURE_POLICIES,
    description: 'On a closure of any member’s school: skip the meeting or shift it to the next school day.',
  })
  @IsIn(CLOSURE_POLICIES)
  closurePolicy!: ClosurePolicy;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The first members.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  memberPersonIds?: string[];
}

export class AddMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;
}

export class SeriesDto {
  @ApiProperty({
    example: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU',
    description: 'RFC 5545 RRULE, weekly, in wall-clock time.',
  })
  @IsString()
  @MaxLength(200)
  rrule!: string;

  @ApiProperty({ example: '2027-09-07' })
  @Matches(DATE, { message: 'startsOn must be a date written as YYYY-MM-DD' })
  startsOn!: string;

  @ApiProperty({ example: '2028-06-30' })
  @Matches(DATE, { message: 'until must be a date written as YYYY-MM-DD' })
  until!: string;

  @ApiProperty({ example: '15:30', description: 'Wall clock of Europe/Amsterdam.' })
  @Matches(TIME, { message: 'startTime is a time written as HH:MM' })
  startTime!: string;

  @ApiProperty({ minimum: 15, maximum: 480, example: 90 })
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes!: number;

  @ApiPropertyOptional({ description: 'Plan outside the facilitator’s working hours anyway.' })
  @IsOptional()
  @IsBoolean()
  allowOutsideWorkingHours?: boolean;
}

export class ReplaceSeriesDto extends SeriesDto {
  @ApiProperty({
    example: '2028-01-10',
    description: 'Meetings on and after this date are replaced; earlier ones stay.',
  })
  @Matches(DATE, { message: 'from must be a date written as YYYY-MM-DD' })
  from!: string;
}

export class MoveMeetingDto {
  @ApiProperty({ example: '2027-10-12T15:30:00+02:00' })
  @IsInstantString()
  start!: string;

  @ApiProperty({ example: '2027-10-12T17:00:00+02:00' })
  @IsInstantString()
  end!: string;

  @ApiPropertyOptional({ description: 'The appointment version you saw.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  allowOutsideWorkingHours?: boolean;
}

export class CasePresenterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Leave out to let the fair rotation choose.' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class SwapPresenterDto {
  @ApiProperty({ format: 'uuid', description: 'The other meeting of the same group.' })
  @IsUUID()
  meetingId!: string;
}

export class AttendanceItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendanceItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttendanceItemDto)
  items!: AttendanceItemDto[];
}

export class CommonSlotQuery {
  @ApiPropertyOptional({ minimum: 30, maximum: 240, default: 90 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(240)
  duration?: number;

  @ApiPropertyOptional({ type: [Number], description: 'Cadences in weeks (1 to 4); default all.' })
  @IsOptional()
  @Transform(toIntArray)
  @IsArray()
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(4, { each: true })
  cadence?: number[];

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  count?: number;

  @ApiPropertyOptional({ example: '2027-09-01', description: 'Default: the later of today and the school year start.' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date written as YYYY-MM-DD' })
  from?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ReportQuery {
  @ApiProperty({ example: '2027-2028' })
  @Matches(SCHOOL_YEAR, { message: 'schoolYear is written as 2027-2028' })
  schoolYear!: string;
}

export class MethodResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() joinedAt!: string;
  @ApiProperty({ type: String, nullable: true }) leftAt!: string | null;
}

export class NormWarning {
  @ApiProperty({ enum: ['fewer_than_3_meetings', 'fewer_than_4_members'] }) code!: string;
  @ApiProperty() detail!: string;
}

export class GroupResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) facilitatorPersonId!: string;
  @ApiProperty({ example: 'Carla de Vries' }) facilitatorName!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ type: String, nullable: true }) schoolId!: string | null;
  @ApiProperty() room!: string;
  @ApiProperty({ type: String, nullable: true }) onlineUrl!: string | null;
  @ApiProperty() schoolYear!: string;
  @ApiProperty({ enum: CLOSURE_POLICIES }) closurePolicy!: ClosurePolicy;
  @ApiProperty({ type: [MemberResponse] }) members!: MemberResponse[];
  @ApiProperty({ type: [NormWarning] }) warnings!: NormWarning[];
}

export class GroupSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() schoolYear!: string;
  @ApiProperty({ format: 'uuid' }) facilitatorPersonId!: string;
}

export class GroupListResponse {
  @ApiProperty({ type: [GroupSummaryResponse] }) items!: GroupSummaryResponse[];
}

export class MeetingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) groupId!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ type: String, nullable: true }) originalDate!: string | null;
  @ApiProperty({ enum: ['planned', 'cancelled'] }) status!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty() calendarUid!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) casePresenterPersonId!: string | null;
}

export class MeetingListResponse {
  @ApiProperty({ type: [MeetingResponse] }) items!: MeetingResponse[];
}

export class SkippedDateResponse {
  @ApiProperty() date!: string;
  @ApiProperty({ enum: ['closed', 'passed', 'taken'] }) reason!: string;
  @ApiPropertyOptional() shiftedTo?: string;
}

export class MemberConflict {
  @ApiProperty() date!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: ['overlap', 'travel', 'outside_working_hours'] }) kind!: string;
}

export class AddMemberResponse {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ description: 'The future planned meetings they were invited to.' }) meetingsJoined!: number;
  @ApiProperty({ type: [MemberConflict], description: 'Where those meetings clash for them: told, not refused.' })
  memberConflicts!: MemberConflict[];
}

export class RemoveMemberResponse {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ description: 'The future planned meetings they were taken off.' }) meetingsLeft!: number;
  @ApiProperty({ type: [NormWarning] }) warnings!: NormWarning[];
}

export class MovedMeetingResponse extends MeetingResponse {
  @ApiProperty({ type: [MemberConflict], description: 'Members for whom the new time clashes: told, not refused.' })
  memberConflicts!: MemberConflict[];
}

export class SeriesResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() rrule!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() until!: string;
  @ApiProperty() startTime!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ type: [MeetingResponse] }) meetings!: MeetingResponse[];
  @ApiProperty({ type: [SkippedDateResponse] }) skipped!: SkippedDateResponse[];
  @ApiProperty({
    type: [MemberConflict],
    description: 'Members planned despite a clash or outside their hours: told, not refused.',
  })
  memberConflicts!: MemberConflict[];
  @ApiProperty({ type: [NormWarning] }) warnings!: NormWarning[];
}

export class CommonSlotResponse {
  @ApiProperty({ enum: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] }) weekday!: string;
  @ApiProperty({ example: '15:30' }) startTime!: string;
  @ApiProperty() cadenceWeeks!: number;
  @ApiProperty() firstDate!: string;
  @ApiProperty({ example: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU' }) rrule!: string;
  @ApiProperty() occurrences!: number;
  @ApiProperty() freeOccurrences!: number;
  @ApiProperty() conflicts!: Array<{ personId: string; dates: string[] }>;
}

export class CommonSlotListResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [CommonSlotResponse] }) items!: CommonSlotResponse[];
}

export class IntervisionAttendanceLine {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, nullable: true, type: String, description: 'Null: not marked yet.' })
  status!: AttendanceStatus | null;
}

export class AttendanceResponse {
  @ApiProperty({ type: [IntervisionAttendanceLine] }) items!: IntervisionAttendanceLine[];
}

export class AttendanceExportLine {
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() schoolYear!: string;
  @ApiProperty() meetings!: number;
  @ApiProperty() present!: number;
  @ApiProperty() excused!: number;
  @ApiProperty() absent!: number;
  @ApiProperty() unrecorded!: number;
}

export class GroupReportLine {
  @ApiProperty() groupId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() schoolYear!: string;
  @ApiProperty() members!: number;
  @ApiProperty() meetingsPlanned!: number;
  @ApiProperty() meetingsHeld!: number;
  @ApiProperty({ type: Number, nullable: true }) attendanceRate!: number | null;
}
