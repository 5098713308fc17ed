import { ApiProperty } from '@nestjs/swagger';
import type { CalendarFeedStatus, NewCalendarFeed } from '@leerkring/scheduling';

export class CalendarFeedStatusResponse {
  @ApiProperty({ description: 'Whether a feed URL exists. The URL itself is shown only when it is made.' })
  exists!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T13:00:00.000Z' })
  createdAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'When a calendar app last fetched it (to the minute)' })
  lastUsedAt!: string | null;
}

export class NewCalendarFeedResponse {
  @ApiProperty({
    description: 'The subscription URL (shown once; make a new one if it is lost)',
    example: 'https://leerkring.example.nl/api/v1/calendar/lkf_….ics',
  })
  url!: string;

  @ApiProperty({ description: 'The same URL with the webcal scheme, which opens a calendar app directly' })
  webcalUrl!: string;

  @ApiProperty({ example: '2026-11-23T13:00:00.000Z' })
  createdAt!: string;
}

export function mapCalendarFeedStatus(status: CalendarFeedStatus): CalendarFeedStatusResponse {
  return {
    exists: status.exists,
    createdAt: status.createdAt?.toISOString() ?? null,
    lastUsedAt: status.lastUsedAt?.toISOString() ?? null,
  };
}

export function mapNewCalendarFeed(feed: NewCalendarFeed): NewCalendarFeedResponse {
  return {
    url: feed.url,
    webcalUrl: feed.url.replace(/^https?:/, 'webcal:'),
    createdAt: feed.createdAt.toISOString(),
  };
}
