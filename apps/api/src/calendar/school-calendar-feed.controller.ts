import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobName, JobQueue, jobId } from '@leerkring/notifications';
import {
  CurrentActor,
  mapSchoolCalendarFeed,
  Roles,
  SchoolCalendarFeedResponse,
  SchoolCalendarFeeds,
  SetSchoolCalendarFeedDto,
  type Actor,
} from '@leerkring/people';

/**
 * A school's calendar by feed URL, kept in sync by the worker (every 6 hours and on request).
 * Admins only: the URL may hold a secret, and it makes the server fetch from the internet.
 */
@ApiTags('school calendar')
@Controller('schools/:schoolId/calendar-feed')
export class SchoolCalendarFeedController {
  constructor(
    private readonly feeds: SchoolCalendarFeeds,
    private readonly jobs: JobQueue,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: "The school's calendar feed and its last sync (admin)",
    description: 'All fields but `schoolId` are null when the school has no feed.',
  })
  @ApiOkResponse({ type: SchoolCalendarFeedResponse })
  async get(@Param('schoolId', new ParseUUIDPipe()) schoolId: string): Promise<SchoolCalendarFeedResponse> {
    return mapSchoolCalendarFeed(schoolId, await this.feeds.get(schoolId));
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: "Set the school's calendar feed URL and sync it (admin)",
    description:
      'An http(s) URL of an iCalendar file (`webcal://` is read as `https://`). The worker fetches it now and every ' +
      '6 hours; each sync imports its events as study days of the school, replacing those of the previous sync ' +
      '(an event the feed no longer lists is removed; nothing is duplicated). A sync that fails is recorded and ' +
      'keeps the study days already imported. URLs that point to this server or a private network are refused ' +
      '(400, `url` named) unless CALENDAR_FEED_ALLOW_PRIVATE=true.',
  })
  @ApiOkResponse({ type: SchoolCalendarFeedResponse })
  async set(
    @CurrentActor() actor: Actor,
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Body() body: SetSchoolCalendarFeedDto,
  ): Promise<SchoolCalendarFeedResponse> {
    await this.feeds.set(actor, schoolId, body.url);
    return this.requestSync(schoolId);
  }

  @Delete()
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: "Remove the school's calendar feed URL (admin)",
    description: 'The study days it imported stay; remove them one by one if they no longer hold.',
  })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('schoolId', new ParseUUIDPipe()) schoolId: string): Promise<void> {
    await this.feeds.remove(actor, schoolId);
  }

  @Post('sync')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({
    summary: "Sync the school's calendar feed now (admin)",
    description:
      'Queues a sync for the worker. `syncPending` stays true until it finishes; then `lastSyncAt`, ' +
      '`lastSyncStatus` and `lastEventCount` or `lastSyncError` tell how it went. 404 when the school has no feed.',
  })
  @ApiAcceptedResponse({ type: SchoolCalendarFeedResponse })
  async sync(@Param('schoolId', new ParseUUIDPipe()) schoolId: string): Promise<SchoolCalendarFeedResponse> {
    return this.requestSync(schoolId);
  }

  private async requestSync(schoolId: string): Promise<SchoolCalendarFeedResponse> {
    const feed = await this.feeds.markSyncRequested(schoolId);
    const requestedAt = (feed.syncRequestedAt as Date).getTime();
    await this.jobs.add(
      JobName.SyncSchoolCalendarFeed,
      { schoolId },
      // The sync records its own failures; retrying a refused fetch would only repeat it.
      { jobId: jobId.syncSchoolCalendarFeed(schoolId, requestedAt), attempts: 1 },
    );
    return mapSchoolCalendarFeed(schoolId, feed);
  }
}
