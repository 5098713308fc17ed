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

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An online meeting link, as the appointment routes take it: https only. */
const ONLINE_URL = { protocols: ['https'], require_protocol: true, require_tld: false };

export class CreateTrajectoryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the caller. An admin names the coach.' })
  @IsOptional()
  @IsUUID()
  coachPersonId?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  coacheePersonId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId!: string;

  @ApiProperty({ maxLength: 5000, example: 'Hoe houd ik de rust in groep 7 na de pauze?' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  coachingQuestion!: string;

  @ApiProperty({ maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  goals!: string;

  @ApiProperty({ description: 'A method code from GET /coaching/methods, e.g. grow.' })
  @IsString()
  @MaxLength(60)
  method!: string;

  @ApiProperty({ minimum: 1, maximum: 40 })
  @IsInt()
  @Min(1)
  @Max(40)
  plannedSessions!: number;

  @ApiProperty({ example: '2027-09-06' })
  @Matches(DATE, { message: 'startDate must be a date written as YYYY-MM-DD' })
  startDate!: string;

  @ApiPropertyOptional({ enum: ['requested', 'active'], default: 'active' })
  @IsOptional()
  @IsIn(['requested', 'active'])
  status?: 'requested' | 'active';
}

export class CloseTrajectoryDto {
  @ApiProperty({ maxLength: 5000, description: 'The closing evaluation.' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  evaluation!: string;
}

export class TrajectorySlotQuery {
  @ApiPropertyOptional({ description: 'Length in minutes (15–240).', default: 60 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(15)
  @Max(240)
  duration?: number;

  @ApiPropertyOptional({ example: '2027-09-06' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date written as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2027-10-01' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date written as YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ default: 10 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  count?: number;
}

export class PlanSessionDto {
  @ApiProperty({ example: '2027-09-13T14:00:00+02:00' })
  @IsInstantString()
  start!: string;

  @ApiProperty({ example: '2027-09-13T15:00:00+02:00' })
  @IsInstantString()
  end!: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  room?: string;

  @ApiPropertyOptional({ description: 'Plan outside working hours anyway (recorded in the audit log).' })
  @IsOptional()
  @IsBoolean()
  allowOutsideWorkingHours?: boolean;
}

export class MoveDto {
  @ApiProperty({ example: '2027-09-14T14:00:00+02:00' })
  @IsInstantString()
  start!: string;

  @ApiProperty({ example: '2027-09-14T15:00:00+02:00' })
  @IsInstantString()
  end!: string;

  @ApiPropertyOptional({ description: 'The appointment version you saw (or send If-Match).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  allowOutsideWorkingHours?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'A new place: the school where it takes place (null: none, online only). Left out: the place stays. ' +
      'Closures and travel time are checked at the new school.',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string | null;

  @ApiPropertyOptional({ maxLength: 100, example: 'Lokaal 12', description: 'A new room (empty: none).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  room?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://meet.example.nl/abc',
    description: 'A new https link for meeting online (null: none). A school or a link must remain.',
  })
  @IsOptional()
  @IsUrl(ONLINE_URL)
  @MaxLength(500)
  onlineUrl?: string | null;
}

export class CancelSessionDto {
  @ApiProperty({ maxLength: 500, description: 'Why it is cancelled; the other person sees it.' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class TextDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20000)
  text!: string;
}

export class MethodResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class TrajectoryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() coachPersonId!: string;
  @ApiProperty({ example: 'Carla de Vries' }) coachName!: string;
  @ApiProperty() coacheePersonId!: string;
  @ApiProperty({ example: 'Koen Jansen' }) coacheeName!: string;
  @ApiProperty() schoolId!: string;
  @ApiProperty() coachingQuestion!: string;
  @ApiProperty() goals!: string;
  @ApiProperty() method!: string;
  @ApiProperty() plannedSessions!: number;
  @ApiProperty() startDate!: string;
  @ApiProperty({ enum: ['requested', 'active', 'closed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) closingEvaluation!: string | null;
}

export class TrajectoryListResponse {
  @ApiProperty({ type: [TrajectoryResponse] }) items!: TrajectoryResponse[];
}

export class SessionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() trajectoryId!: string;
  @ApiProperty() appointmentId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['planned', 'held', 'cancelled', 'no_show'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Where: the school (null: online only).' })
  schoolId!: string | null;
  @ApiProperty({ description: 'The room ("" when none).' }) room!: string;
  @ApiProperty({ nullable: true, type: String }) onlineUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledByPersonId!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty() hasNote!: boolean;
}

export class SessionListResponse {
  @ApiProperty({ type: [SessionResponse] }) items!: SessionResponse[];
}

export class TextResponse {
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
}

// --- classroom visits -------------------------------------------------------------------------

export class CreateVisitDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the caller. An admin names the observer.' })
  @IsOptional()
  @IsUUID()
  observerPersonId?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  teacherPersonId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId!: string;

  @ApiProperty({ example: 'groep 6' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  groupName!: string;

  @ApiProperty({ description: 'Start of the lesson visited.', example: '2027-10-12T09:00:00+02:00' })
  @IsInstantString()
  start!: string;

  @ApiProperty({ example: '2027-10-12T09:45:00+02:00' })
  @IsInstantString()
  end!: string;

  @ApiPropertyOptional({ default: false, description: 'An assessment visit; the teacher sees this beforehand.' })
  @IsOptional()
  @IsBoolean()
  assessment?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the default lesson-observation form.' })
  @IsOptional()
  @IsUUID()
  formId?: string;

  @ApiPropertyOptional({ description: 'Length of the pre-visit meeting and the debrief (15–120).', default: 30 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(120)
  meetingMinutes?: number;
}

export class FormItemDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(60) key!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) text!: string;
}

export class FormDomainDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(60) key!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiProperty({ type: [FormItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FormItemDto)
  items!: FormItemDto[];
}

export class ScaleStepDto {
  @ApiProperty() @IsInt() @Min(0) @Max(10) value!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(60) label!: string;
}

export class CreateFormDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name!: string;

  @ApiProperty({ type: [ScaleStepDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ScaleStepDto)
  scale!: ScaleStepDto[];

  @ApiProperty({ type: [FormDomainDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FormDomainDto)
  domains!: FormDomainDto[];
}

/**
 * Changes to an observation form (admin). `name` and `active` may always change; `scale` and
 * `domains` only while no classroom visit uses the form (else 409 form_in_use: add a new form as
 * the next version and deactivate this one), so stored observations keep their meaning.
 */
export class UpdateFormDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name?: string;

  @ApiPropertyOptional({ description: 'false: deactivated (not offered for new visits; old observations still show)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [ScaleStepDto], description: 'Only while no visit uses the form' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ScaleStepDto)
  scale?: ScaleStepDto[];

  @ApiPropertyOptional({ type: [FormDomainDto], description: 'Only while no visit uses the form' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FormDomainDto)
  domains?: FormDomainDto[];
}

export class FormsQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: deactivated forms too (admins only; for everyone else only active forms)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeInactive?: string;
}

export class AnswerDto {
  @ApiProperty() @IsString() @MaxLength(60) itemKey!: string;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  score?: number | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

export class ObservationDto {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) overallComment?: string;
}

export class VisitAppointmentResponse {
  @ApiProperty({ enum: ['pre', 'visit', 'debrief'] }) part!: 'pre' | 'visit' | 'debrief';
  @ApiProperty() appointmentId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Where: the school (null: online only).' })
  schoolId!: string | null;
  @ApiProperty({ description: 'The room ("" when none).' }) room!: string;
  @ApiProperty({ nullable: true, type: String }) onlineUrl!: string | null;
}

export class VisitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() observerPersonId!: string;
  @ApiProperty({ example: 'Carla de Vries' }) observerName!: string;
  @ApiProperty() teacherPersonId!: string;
  @ApiProperty({ example: 'Tessa Bakker' }) teacherName!: string;
  @ApiProperty() schoolId!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty() assessment!: boolean;
  @ApiProperty() formId!: string;
  @ApiProperty({ enum: ['planned', 'cancelled'] }) status!: string;
  @ApiProperty() debriefHeld!: boolean;
  @ApiProperty({ type: [VisitAppointmentResponse], description: 'Pre-visit meeting, visit, debrief.' })
  appointments!: VisitAppointmentResponse[];
}

export class VisitListResponse {
  @ApiProperty({ type: [VisitResponse] }) items!: VisitResponse[];
}

export class FormItemResponse {
  @ApiProperty() key!: string;
  @ApiProperty() text!: string;
}

export class FormDomainResponse {
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [FormItemResponse] }) items!: FormItemResponse[];
}

export class ScaleStepResponse {
  @ApiProperty() value!: number;
  @ApiProperty() label!: string;
}

export class FormResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ description: 'false: deactivated, not offered for new visits' }) active!: boolean;
  @ApiProperty({ description: 'A classroom visit uses it: its scale and domains can no longer change' })
  inUse!: boolean;
  @ApiProperty({ type: [ScaleStepResponse] }) scale!: ScaleStepResponse[];
  @ApiProperty({ type: [FormDomainResponse] }) domains!: FormDomainResponse[];
}

export class ObservationFormResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [ScaleStepResponse] }) scale!: ScaleStepResponse[];
  @ApiProperty({ type: [FormDomainResponse] }) domains!: FormDomainResponse[];
}

export class AnswerResponse {
  @ApiProperty() itemKey!: string;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty() comment!: string;
}

export class ObservationResponse {
  @ApiProperty() visitId!: string;
  @ApiProperty({ type: ObservationFormResponse }) form!: ObservationFormResponse;
  @ApiProperty({ type: [AnswerResponse] }) answers!: AnswerResponse[];
  @ApiProperty({ nullable: true, type: String }) overallComment!: string | null;
  @ApiProperty({ description: 'The debrief is held: the teacher reads it.' }) sharedWithTeacher!: boolean;
}

export class DomainAverageResponse {
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The average score of its items; null when none scored.' })
  average!: number | null;
}

export class TeacherHistoryItemResponse {
  @ApiProperty() visitId!: string;
  @ApiProperty({ example: '2027-10-05', description: 'The date of the lesson (Europe/Amsterdam).' }) date!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty() assessment!: boolean;
  @ApiProperty({ type: [DomainAverageResponse] }) domains!: DomainAverageResponse[];
}

export class TeacherHistoryResponse {
  @ApiProperty({ type: [TeacherHistoryItemResponse], description: 'Shared observations, earliest lesson first.' })
  items!: TeacherHistoryItemResponse[];
}

export class ReportQuery {
  @ApiPropertyOptional({ example: '2027-08-01' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date written as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2028-07-31' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date written as YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
