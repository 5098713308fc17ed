import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ATTENDANCE_SOURCES, type AttendanceSource } from './theme-meeting.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class AttendanceMarkDto {
  @ApiProperty({ format: 'uuid', description: 'A confirmed registration of this meeting.' })
  @IsUUID()
  registrationId!: string;

  @ApiProperty()
  @IsBoolean()
  present!: boolean;
}

export class MarkAttendanceDto {
  @ApiProperty({ type: [AttendanceMarkDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  items!: AttendanceMarkDto[];
}

export class CheckInDto {
  @ApiProperty({ example: 'K7MP2X', description: "The session's check-in code (case does not matter)." })
  @Transform(upper)
  @IsString()
  @MinLength(4)
  @MaxLength(12)
  code!: string;
}

export class EvaluationDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class SchoolYearQuery {
  @ApiProperty({ example: '2027-2028', description: 'August 1 to July 31.' })
  @Matches(/^\d{4}-\d{4}$/, { message: 'schoolYear must be two consecutive years, e.g. 2027-2028' })
  schoolYear!: string;
}

export class ProfessionalDevelopmentCsvQuery extends SchoolYearQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this person (someone the caller may see).' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class AttendanceLine {
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Null: not marked yet.' }) present!: boolean | null;
  @ApiProperty({ enum: ATTENDANCE_SOURCES, nullable: true, type: String }) source!: AttendanceSource | null;
  @ApiProperty({ nullable: true, type: Number }) attendedHours!: number | null;
}

export class SessionAttendanceResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: [AttendanceLine] }) items!: AttendanceLine[];
}

export class CheckInResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty() present!: boolean;
  @ApiProperty() attendedHours!: number;
}

export class ProfessionalDevelopmentLine {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() start!: string;
  @ApiProperty() sessions!: number;
  @ApiProperty() sessionsAttended!: number;
  @ApiProperty() hoursCredited!: number;
  @ApiProperty() attendedHours!: number;
}

export class ProfessionalDevelopmentResponse {
  @ApiProperty() schoolYear!: string;
  @ApiProperty({ type: [ProfessionalDevelopmentLine] }) items!: ProfessionalDevelopmentLine[];
  @ApiProperty() totalHours!: number;
}

export class EvaluationResponse {
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() evaluatedAt!: string;
}

export class EvaluationAggregate {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Two decimals; null without evaluations.' })
  average!: number | null;
  @ApiProperty({ description: 'Scores 1..5 → how many gave it.', example: { 1: 0, 2: 0, 3: 1, 4: 2, 5: 0 } })
  distribution!: Record<'1' | '2' | '3' | '4' | '5', number>;
  @ApiProperty({ type: [String], description: 'Without names, newest first.' }) comments!: string[];
}
