import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  buildMessage,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { IsCalendarDate } from '@leerkring/people';
import type { Appointment, AppointmentParticipant } from './appointment.entity';
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  PARTICIPANT_ROLES,
  RSVP_STATES,
  type AppointmentKind,
  type AppointmentStatus,
  type ParticipantRole,
  type RsvpState,
} from './appointment.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an offset (`Z` or `+01:00`): a local time without one is ambiguous. */
export function IsInstantString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstantString',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 8601 date-time with an offset, e.g. 2026-10-26T10:00:00+01:00`,
          options,
        ),
      },
    },
    options,
  );
}

export function isIanaZone(value: unknown): boolean {
  if (typeof value !== 'string' || !value.includes('/')) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function IsIanaZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaZone',
      validator: {
        validate: isIanaZone,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an IANA time zone, e.g. Europe/Amsterdam`,
          options,
        ),
      },
    },
    options,
  );
}

const ONLINE_URL = { protocols: ['https'], require_protocol: true, require_tld: false };

export class ParticipantInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;

  @ApiPropertyOptional({ enum: ['required', 'optional'], default: 'required' })
  @IsOptional()
  @IsIn(['required', 'optional'])
  role?: 'required' | 'optional';
}

export class CreateAppointmentDto {
  @ApiPropertyOptional({
    enum: ['meeting'],
    default: 'meeting',
    description: 'Other kinds are made by their own domains.',
  })
  @IsOptional()
  @IsIn(['meeting'])
  kind?: 'meeting';

  @ApiProperty({ example: 'Overleg zorgstructuur groep 5', maxLength: 200 })
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

  @ApiProperty({ example: '2026-10-26T10:00:00+01:00' })
  @IsInstantString()
  start!: string;

  @ApiProperty({ example: '2026-10-26T11:00:00+01:00' })
  @IsInstantString()
  end!: string;

  @ApiPropertyOptional({ example: 'Europe/Amsterdam', default: 'Europe/Amsterdam' })
  @IsOptional()
  @IsIanaZone()
  zone?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The school where it takes place (give this or onlineUrl, or both).',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: 'Teamkamer', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  room?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.nl/abc', description: 'An https link for an online meeting.' })
  @IsOptional()
  @IsUrl(ONLINE_URL)
  @MaxLength(500)
  onlineUrl?: string;

  @ApiProperty({ type: [ParticipantInputDto], description: 'Besides the organiser (the caller), 1 to 100 people.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInputDto)
  participants!: ParticipantInputDto[];

  @ApiPropertyOptional({
    default: false,
    description:
      "Plan it even where it falls outside a participant's working hours (recorded in the audit log). Other rules still apply.",
  })
  @IsOptional()
  @IsBoolean()
  allowOutsideWorkingHours?: boolean;
}

export class UpdateAppointmentDto {
  @ApiPropertyOptional({
    description: 'The version you last saw. Required unless sent as the If-Match header.',
    example: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ example: '2026-10-26T10:00:00+01:00' })
  @IsOptional()
  @IsInstantString()
  start?: string;

  @ApiPropertyOptional({ example: '2026-10-26T11:00:00+01:00' })
  @IsOptional()
  @IsInstantString()
  end?: string;

  @ApiPropertyOptional({ example: 'Europe/Amsterdam' })
  @IsOptional()
  @IsIanaZone()
  zone?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  schoolId?: string | null;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  room?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl(ONLINE_URL)
  @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional({
    default: false,
    description:
      "Plan it even where it falls outside a participant's working hours (recorded in the audit log). Other rules still apply.",
  })
  @IsOptional()
  @IsBoolean()
  allowOutsideWorkingHours?: boolean;
}

export class VersionDto {
  @ApiPropertyOptional({ description: 'The version you last saw (or the If-Match header); checked when given.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class AddParticipantsDto extends VersionDto {
  @ApiProperty({ type: [ParticipantInputDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique((participant: ParticipantInputDto) => participant.personId)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInputDto)
  participants!: ParticipantInputDto[];
}

export class AgendaQuery {
  @ApiPropertyOptional({ description: 'From this instant (default: now).', example: '2026-10-01T00:00:00Z' })
  @IsOptional()
  @IsInstantString()
  from?: string;

  @ApiPropertyOptional({
    description: 'Up to this instant (default: 90 days after from).',
    example: '2026-12-31T00:00:00Z',
  })
  @IsOptional()
  @IsInstantString()
  to?: string;
}

export class WeekQuery {
  @ApiPropertyOptional({ description: 'Any date in the week (YYYY-MM-DD, default today).', example: '2027-01-13' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) role!: ParticipantRole;
  @ApiProperty({ enum: RSVP_STATES }) rsvp!: RsvpState;
}

export class LocationResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) schoolId!: string | null;
  @ApiProperty({ nullable: true, type: String }) schoolName!: string | null;
  @ApiProperty() room!: string;
  @ApiProperty({ nullable: true, type: String }) onlineUrl!: string | null;
}

export class AppointmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPOINTMENT_KINDS }) kind!: AppointmentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: '2026-10-26T09:00:00.000Z' }) start!: string;
  @ApiProperty({ example: '2026-10-26T10:00:00.000Z' }) end!: string;
  @ApiProperty({ example: 'Europe/Amsterdam' }) zone!: string;
  @ApiProperty({ type: LocationResponse }) location!: LocationResponse;
  @ApiProperty({ enum: APPOINTMENT_STATUSES }) status!: AppointmentStatus;
  @ApiProperty({ description: 'Send it back (body or If-Match) when you change the appointment.' }) version!: number;
  @ApiProperty() icalUid!: string;
  @ApiProperty({ format: 'uuid' }) organizerPersonId!: string;
  @ApiProperty({ type: [ParticipantResponse], description: 'Current participants, the organiser included.' })
  participants!: ParticipantResponse[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class AgendaResponse {
  @ApiProperty({ type: [AppointmentResponse] }) items!: AppointmentResponse[];
}

export class WeekDayResponse {
  @ApiProperty({ example: '2027-01-11' }) date!: string;
  @ApiProperty({ type: [AppointmentResponse] }) items!: AppointmentResponse[];
}

export class WeekResponse {
  @ApiProperty({ example: '2027-01-11', description: 'The Monday.' }) weekStart!: string;
  @ApiProperty({ type: [WeekDayResponse], description: 'Seven days, Monday first.' }) days!: WeekDayResponse[];
}

export interface AppointmentView {
  appointment: Appointment;
  participants: Array<AppointmentParticipant & { name: string }>;
  schoolName: string | null;
}

export function mapAppointment({ appointment, participants, schoolName }: AppointmentView): AppointmentResponse {
  return {
    id: appointment.id,
    kind: appointment.kind,
    title: appointment.title,
    description: appointment.description,
    start: appointment.startsAt.toISOString(),
    end: appointment.endsAt.toISOString(),
    zone: appointment.zone,
    location: {
      schoolId: appointment.schoolId,
      schoolName,
      room: appointment.room,
      onlineUrl: appointment.onlineUrl,
    },
    status: appointment.status,
    version: appointment.version,
    icalUid: appointment.icalUid,
    organizerPersonId: appointment.organizerPersonId,
    participants: participants
      .filter((participant) => participant.removedAt === null)
      .map((participant) => ({
        personId: participant.personId,
        name: participant.name,
        role: participant.role,
        rsvp: participant.rsvp,
      })),
    createdAt: appointment.createdAt.toISOString(),
    updatedAt: appointment.updatedAt.toISOString(),
  };
}
