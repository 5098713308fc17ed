import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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
import { PageInfo, PageQuery } from '@leerkring/core';
import { FUNCTIONS } from '@leerkring/people';
import { IsInstantString } from '@leerkring/scheduling';
import {
  ATTENDANCE_MODES,
  MEETING_FORMATS,
  MEETING_STATUSES,
  OFFER_MODES,
  REGISTRATION_STATUSES,
  type AttendanceMode,
  type MeetingFormat,
  type MeetingStatus,
  type OfferMode,
  type RegistrationStatus,
  type ThemeMeeting,
  type ThemeMeetingSession,
  type ThemeRegistration,
} from './theme-meeting.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ThemeSessionDto {
  @ApiProperty({ example: '2027-03-10T15:30:00+01:00' })
  @IsInstantString()
  start!: string;

  @ApiProperty({ example: '2027-03-10T17:00:00+01:00' })
  @IsInstantString()
  end!: string;
}

export class CreateThemeMeetingDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['rekenen', 'starters'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(/^[\p{L}\p{N} -]{1,40}$/u, { each: true, message: 'each tag is 1–40 letters, digits, spaces or dashes' })
  tags?: string[];

  @ApiProperty({ enum: MEETING_FORMATS })
  @IsIn(MEETING_FORMATS)
  format!: MeetingFormat;

  @ApiPropertyOptional({ format: 'uuid', description: 'Where it takes place (on site and hybrid).' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  room?: string;

  @ApiPropertyOptional({ description: 'Online and hybrid; shown and mailed to confirmed participants only.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string;

  @ApiProperty({ minimum: 1, maximum: 10000, description: 'Seats (on site for hybrid).' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, description: 'Online seats; hybrid only.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  onlineCapacity?: number;

  @ApiProperty({ type: [ThemeSessionDto], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ThemeSessionDto)
  sessions!: ThemeSessionDto[];

  @ApiProperty()
  @IsInstantString()
  registrationOpensAt!: string;

  @ApiProperty()
  @IsInstantString()
  registrationClosesAt!: string;

  @ApiPropertyOptional({ type: [String], description: 'Only staff of these schools; omit for the whole foundation.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  audienceSchoolIds?: string[];

  @ApiPropertyOptional({ enum: FUNCTIONS, isArray: true, description: 'Only these functions, e.g. starter.' })
  @IsOptional()
  @IsArray()
  @IsIn(FUNCTIONS, { each: true })
  audienceFunctions?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  hoursCredited?: number;

  @ApiPropertyOptional({ description: 'Participants cancel themselves until then (default: the start).' })
  @IsOptional()
  @IsInstantString()
  cancellationDeadline?: string;

  @ApiPropertyOptional({ enum: OFFER_MODES, default: 'confirm_directly' })
  @IsOptional()
  @IsIn(OFFER_MODES)
  offerMode?: OfferMode;

  @ApiPropertyOptional({ minimum: 1, maximum: 336, default: 24 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(336)
  offerHours?: number;
}

export class UpdateThemeMeetingDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, description: 'Lowering it never un-confirms anyone.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  onlineCapacity?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInstantString()
  registrationClosesAt?: string;
}

export class MoveSessionDto extends ThemeSessionDto {
  @ApiProperty({ minimum: 0, description: 'Which session (0 is the first).' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(9)
  position!: number;
}

export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Theme tag.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  theme?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  school?: string;

  @ApiPropertyOptional({ enum: MEETING_FORMATS })
  @IsOptional()
  @IsIn(MEETING_FORMATS)
  format?: MeetingFormat;

  @ApiPropertyOptional({ example: '2027-03', description: 'Meetings starting in this month (Europe/Amsterdam).' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be written as YYYY-MM' })
  month?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasSeats?: boolean;
}

export class SignUpDto {
  @ApiPropertyOptional({ enum: ATTENDANCE_MODES, description: 'Hybrid only: on site (default) or online.' })
  @IsOptional()
  @IsIn(ATTENDANCE_MODES)
  mode?: AttendanceMode;
}

export class ThemeSessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiPropertyOptional({ description: 'The check-in code; only for the organiser and admins.' })
  checkInCode?: string;
  @ApiPropertyOptional({ description: 'The URL a QR code at the venue carries; only for the organiser and admins.' })
  checkInUrl?: string;
}

export class ThemeMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ format: 'uuid' }) organizerPersonId!: string;
  @ApiProperty({ enum: MEETING_FORMATS }) format!: MeetingFormat;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty() room!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Only for confirmed participants and the organiser.' })
  onlineUrl!: string | null;
  @ApiProperty() capacity!: number;
  @ApiProperty({ nullable: true, type: Number }) onlineCapacity!: number | null;
  @ApiProperty() seatsLeft!: number;
  @ApiProperty({ nullable: true, type: Number }) onlineSeatsLeft!: number | null;
  @ApiProperty() waitlistLength!: number;
  @ApiProperty() registrationOpensAt!: string;
  @ApiProperty() registrationClosesAt!: string;
  @ApiProperty({ nullable: true, type: [String] }) audienceSchoolIds!: string[] | null;
  @ApiProperty({ nullable: true, type: [String] }) audienceFunctions!: string[] | null;
  @ApiProperty() hoursCredited!: number;
  @ApiProperty() cancellationDeadline!: string;
  @ApiProperty({ enum: OFFER_MODES }) offerMode!: OfferMode;
  @ApiProperty() offerHours!: number;
  @ApiProperty({ enum: MEETING_STATUSES }) status!: MeetingStatus;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ type: [ThemeSessionResponse] }) sessions!: ThemeSessionResponse[];
}

export class CataloguePage extends PageInfo {
  @ApiProperty({ type: [ThemeMeetingResponse] }) items!: ThemeMeetingResponse[];
}

export class ThemeClashResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ enum: ['overlap', 'travel'] }) kind!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
}

export class RegistrationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: ATTENDANCE_MODES }) mode!: AttendanceMode;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: RegistrationStatus;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Place on the waitlist (1 is next); null unless waitlisted.',
  })
  position!: number | null;
  @ApiProperty({ nullable: true, type: String }) offerDeadline!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: [ThemeClashResponse], description: 'Own appointments that overlap (sign-up only).' })
  clashes?: ThemeClashResponse[];
}

export class RegistrationsPage extends PageInfo {
  @ApiProperty({ type: [RegistrationResponse] }) items!: RegistrationResponse[];
}

export function seatsLeft(capacity: number, confirmed: number): number {
  return Math.max(0, capacity - confirmed);
}

export function mapMeeting(
  meeting: ThemeMeeting,
  sessions: ThemeMeetingSession[],
  waitlistLength: number,
  showLink: boolean,
  checkInUrl?: (session: ThemeMeetingSession) => string,
): ThemeMeetingResponse {
  return {
    id: meeting.id,
    title: meeting.title,
    description: meeting.description,
    tags: meeting.tags,
    organizerPersonId: meeting.organizerPersonId,
    format: meeting.format,
    schoolId: meeting.schoolId,
    room: meeting.room,
    onlineUrl: showLink ? meeting.onlineUrl : null,
    capacity: meeting.capacity,
    onlineCapacity: meeting.onlineCapacity,
    seatsLeft: seatsLeft(meeting.capacity, meeting.confirmedCount),
    onlineSeatsLeft:
      meeting.onlineCapacity === null ? null : seatsLeft(meeting.onlineCapacity, meeting.onlineConfirmedCount),
    waitlistLength,
    registrationOpensAt: meeting.registrationOpensAt.toISOString(),
    registrationClosesAt: meeting.registrationClosesAt.toISOString(),
    audienceSchoolIds: meeting.audienceSchoolIds,
    audienceFunctions: meeting.audienceFunctions,
    hoursCredited: Number(meeting.hoursCredited),
    cancellationDeadline: (meeting.cancellationDeadline ?? meeting.startsAt).toISOString(),
    offerMode: meeting.offerMode,
    offerHours: meeting.offerHours,
    status: meeting.status,
    start: meeting.startsAt.toISOString(),
    end: meeting.endsAt.toISOString(),
    sessions: sessions.map((session) => ({
      id: session.id,
      appointmentId: session.appointmentId,
      start: session.startsAt.toISOString(),
      end: session.endsAt.toISOString(),
      ...(checkInUrl ? { checkInCode: session.checkInCode, checkInUrl: checkInUrl(session) } : {}),
    })),
  };
}

export function mapRegistration(registration: ThemeRegistration, position: number | null): RegistrationResponse {
  return {
    id: registration.id,
    meetingId: registration.meetingId,
    personId: registration.personId,
    mode: registration.mode,
    status: registration.status,
    position: registration.status === 'waitlisted' ? position : null,
    offerDeadline: registration.status === 'offered' ? (registration.offerDeadline?.toISOString() ?? null) : null,
    createdAt: registration.createdAt.toISOString(),
  };
}
