import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@leerkring/people';

/** `?personId=a&personId=b` or `?personId=a,b` → ['a', 'b']. */
function toList({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') {
    return value.split(',').map((part) => part.trim());
  }
  if (Array.isArray(value)) {
    return value.flatMap((part) => (typeof part === 'string' ? part.split(',').map((p) => p.trim()) : [part]));
  }
  return value;
}

export class SlotQuery {
  @ApiProperty({
    type: [String],
    description:
      'The people who must all be free (1–10), e.g. the coach and the teacher. Repeat, or separate by commas.',
  })
  @Transform(toList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  personId!: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Where it takes place: its closures count, and travel time from other schools. Omit for online.',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ description: 'Length in minutes (15–480).', default: 60 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(15)
  @Max(480)
  duration?: number;

  @ApiPropertyOptional({ description: 'First date to look at (YYYY-MM-DD, default today).', example: '2027-01-11' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    description: 'Last date to look at (YYYY-MM-DD, default four weeks after from; at most 120 days).',
    example: '2027-02-05',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'How many suggestions (1–50).', default: 10 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(50)
  count?: number;
}

export class SlotResponse {
  @ApiProperty({ example: '2027-01-11T08:30:00.000Z' }) start!: string;
  @ApiProperty({ example: '2027-01-11T09:30:00.000Z' }) end!: string;
}

export class SlotListResponse {
  @ApiProperty({ type: [SlotResponse], description: 'Earliest first; they do not overlap each other.' })
  items!: SlotResponse[];
}
