import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MAX_FEED_URL_LENGTH } from './feed-url';
import { FEED_SYNC_STATUSES, type FeedSyncStatus, type SchoolCalendarFeed } from './school-calendar-feed.entity';

export class SetSchoolCalendarFeedDto {
  @ApiProperty({
    example: 'https://calendar.example.nl/school/studiedagen.ics',
    description: 'An http(s) URL of an iCalendar (.ics) file; `webcal://` is read as `https://`.',
    maxLength: MAX_FEED_URL_LENGTH,
  })
  @IsString()
  @MaxLength(MAX_FEED_URL_LENGTH)
  url!: string;
}

/** A school's calendar feed and how its last sync went. All null when the school has no feed. */
export class SchoolCalendarFeedResponse {
  @ApiProperty() schoolId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null: the school has no feed' }) url!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When an admin last asked for a sync (or saved the URL)',
  })
  syncRequestedAt!: string | null;
  @ApiProperty({ description: 'A sync was asked for and has not finished yet' }) syncPending!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the last sync finished' })
  lastSyncAt!: string | null;
  @ApiProperty({ enum: FEED_SYNC_STATUSES, nullable: true, type: String }) lastSyncStatus!: FeedSyncStatus | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last sync failed' }) lastSyncError!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the feed was last imported; its study days are from then',
  })
  lastSuccessAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Study days the last successful sync found' })
  lastEventCount!: number | null;
}

export function mapSchoolCalendarFeed(schoolId: string, feed: SchoolCalendarFeed | null): SchoolCalendarFeedResponse {
  const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);
  return {
    schoolId,
    url: feed?.url ?? null,
    syncRequestedAt: iso(feed?.syncRequestedAt),
    syncPending: Boolean(
      feed?.syncRequestedAt && (!feed.lastSyncAt || feed.lastSyncAt.getTime() < feed.syncRequestedAt.getTime()),
    ),
    lastSyncAt: iso(feed?.lastSyncAt),
    lastSyncStatus: feed?.lastSyncStatus ?? null,
    lastSyncError: feed?.lastSyncError ?? null,
    lastSuccessAt: iso(feed?.lastSuccessAt),
    lastEventCount: feed?.lastEventCount ?? null,
  };
}
