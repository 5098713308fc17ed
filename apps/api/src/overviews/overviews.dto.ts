import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class PlanningQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 120, default: 28, description: 'How many days ahead, from now.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  days?: number;
}

export class PlanningTrajectoryLine {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty() coachName!: string;
  @ApiProperty() coacheeName!: string;
  @ApiProperty({ enum: ['requested', 'active'] }) status!: string;
  @ApiProperty() plannedSessions!: number;
  @ApiProperty() sessionsHeld!: number;
}

export class PlanningAppointmentLine {
  @ApiProperty({ enum: ['coaching_session', 'classroom_visit'] }) kind!: 'coaching_session' | 'classroom_visit';
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty({ description: 'The coach, or the observer of a visit.' }) coachName!: string;
  @ApiProperty({ description: 'The coachee, or the visited teacher.' }) personName!: string;
}

export class PlanningResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [PlanningTrajectoryLine], description: 'Requested and active trajectories.' })
  trajectories!: PlanningTrajectoryLine[];
  @ApiProperty({ type: [PlanningAppointmentLine], description: 'Planned sessions and visits, earliest first.' })
  upcoming!: PlanningAppointmentLine[];
}

export class ThemeAttendanceQuery {
  @ApiProperty({ example: '2027-2028', description: 'August 1 to July 31.' })
  @Matches(/^(19[7-9]\d|2\d{3})-\d{4}$/, { message: 'schoolYear must be two consecutive years, e.g. 2027-2028' })
  schoolYear!: string;
}

export class ThemeAttendanceLine {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() schoolName!: string;
  @ApiProperty({ description: 'Confirmed registrations of staff of this school.' }) registered!: number;
  @ApiProperty({ description: 'Of those, present at one session or more.' }) attended!: number;
  @ApiProperty({ description: 'Professional development hours they were credited.' }) hours!: number;
}

export class ThemeAttendanceResponse {
  @ApiProperty() schoolYear!: string;
  @ApiProperty({ type: [ThemeAttendanceLine] }) items!: ThemeAttendanceLine[];
}

export class OrganisedMeetingLine {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['on_site', 'online', 'hybrid'] }) format!: 'on_site' | 'online' | 'hybrid';
  @ApiProperty({ enum: ['published', 'cancelled'] }) status!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty({ description: 'Confirmed registrations (on site and online).' }) confirmed!: number;
  @ApiProperty() waitlist!: number;
}

export class OrganisedMeetingsResponse {
  @ApiProperty({ type: [OrganisedMeetingLine], description: 'Newest first, past ones included (at most 200).' })
  items!: OrganisedMeetingLine[];
}

export class RegistrantName {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String], description: 'Names of the schools the person works at.' }) schools!: string[];
}

export class RegistrantNamesResponse {
  @ApiProperty({ type: [RegistrantName] }) items!: RegistrantName[];
}
