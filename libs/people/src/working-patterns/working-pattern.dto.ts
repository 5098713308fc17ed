import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  buildMessage,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { isTimeZone } from '../calendar/calendar-date';
import type { Unavailability, WorkingPattern, WorkingPatternBlock } from './working-pattern.entity';
import { WEEKDAYS, weekdayOfIso, type Weekday } from './wall-clock';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an offset (`Z` or `+01:00`): a time without one is ambiguous. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 8601 date-time with an offset, e.g. 2026-11-02T09:00:00+01:00`,
          options,
        ),
      },
    },
    options,
  );
}

/** An IANA time zone, e.g. Europe/Amsterdam. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => isTimeZone(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an IANA time zone, e.g. Europe/Amsterdam`,
          options,
        ),
      },
    },
    options,
  );
}

export class WorkingBlockDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'monday' })
  @IsIn(WEEKDAYS)
  weekday!: Weekday;

  @ApiProperty({ example: '08:15', description: 'Wall-clock time HH:MM' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be a time HH:MM, e.g. 08:15' })
  start!: string;

  @ApiProperty({ example: '15:00', description: 'Wall-clock time HH:MM after start; 24:00 for the end of the day' })
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'end must be a time HH:MM, e.g. 15:00' })
  end!: string;
}

export class PutWorkingPatternDto {
  @ApiPropertyOptional({ example: 'Europe/Amsterdam', default: 'Europe/Amsterdam' })
  @IsOptional()
  @IsTimeZone()
  zone?: string;

  @ApiProperty({
    type: [WorkingBlockDto],
    description: 'Every block of the week; several per day allowed, not overlapping. Replaces the whole pattern.',
  })
  @IsArray()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => WorkingBlockDto)
  blocks!: WorkingBlockDto[];
}

export class WorkingPatternResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ example: 'Europe/Amsterdam' }) zone!: string;
  @ApiProperty({ type: [WorkingBlockDto], description: 'By weekday, then start' }) blocks!: WorkingBlockDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Null while no pattern was ever set' })
  updatedAt!: string | null;
}

export class UnavailabilityQuery {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+01:00', description: 'Only what ends after this; default now' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2027-08-01T00:00:00+02:00', description: 'Only what starts before this' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class CreateUnavailabilityDto {
  @ApiProperty({ example: '2026-11-02T09:00:00+01:00' })
  @IsInstant()
  startsAt!: string;

  @ApiProperty({ example: '2026-11-02T16:00:00+01:00' })
  @IsInstant()
  endsAt!: string;

  @ApiPropertyOptional({ example: 'Europe/Amsterdam', default: 'Europe/Amsterdam' })
  @IsOptional()
  @IsTimeZone()
  zone?: string;

  @ApiPropertyOptional({
    example: 'Cursus',
    description: 'Short and without medical details; the person, admins and their directors see it',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class UnavailabilityResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({ example: '2026-11-02T08:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ example: '2026-11-02T15:00:00.000Z' }) endsAt!: string;
  @ApiProperty({ example: 'Europe/Amsterdam' }) zone!: string;
  @ApiProperty({ example: 'Cursus' }) reason!: string;
}

export class UnavailabilityListResponse {
  @ApiProperty({ type: [UnavailabilityResponse], description: 'By start; at most 500' })
  items!: UnavailabilityResponse[];
}

/** "08:15:00" → "08:15". */
const hhmm = (time: string) => time.slice(0, 5);

export function mapBlock(block: WorkingPatternBlock): WorkingBlockDto {
  return { weekday: weekdayOfIso(block.weekday), start: hhmm(block.startTime), end: hhmm(block.endTime) };
}

export function mapWorkingPattern(
  personId: string,
  pattern: WorkingPattern | null,
  blocks: readonly WorkingPatternBlock[],
): WorkingPatternResponse {
  return {
    personId,
    zone: pattern?.zone ?? 'Europe/Amsterdam',
    blocks: [...blocks].sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime)).map(mapBlock),
    updatedAt: pattern ? pattern.updatedAt.toISOString() : null,
  };
}

export function mapUnavailability(item: Unavailability): UnavailabilityResponse {
  return {
    id: item.id,
    personId: item.personId,
    startsAt: item.startsAt.toISOString(),
    endsAt: item.endsAt.toISOString(),
    zone: item.zone,
    reason: item.reason,
  };
}
