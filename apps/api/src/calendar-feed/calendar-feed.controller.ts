import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Public, type Actor } from '@leerkring/people';
import { CalendarFeedService } from '@leerkring/scheduling';
import {
  CalendarFeedStatusResponse,
  mapCalendarFeedStatus,
  mapNewCalendarFeed,
  NewCalendarFeedResponse,
} from './calendar-feed.dto';

/** The feed a calendar app subscribes to. Public: the long random token in the URL is the credential. */
@ApiTags('calendar feed')
@Public()
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':token.ics')
  @ApiOperation({
    summary: 'My appointments as a subscribable calendar (iCalendar, METHOD:PUBLISH)',
    description:
      'Every appointment the person takes part in that ends after 30 days ago, cancelled ones as ' +
      'STATUS:CANCELLED, with the UIDs and SEQUENCEs of the invitations. An unknown or revoked token answers 404.',
  })
  @ApiParam({ name: 'token', description: 'The `lkf_…` token from POST /api/v1/me/calendar-feed' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The calendar' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked token' })
  async feed(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const { ics, lastModified } = await this.feeds.render(token);
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      // Private: the URL is a secret, so no shared cache keeps it; calendar apps may reuse it
      // for 15 minutes and then revalidate with the ETag (Express sets it; an unchanged feed is 304).
      .set('Cache-Control', 'private, max-age=900')
      .set('Content-Disposition', 'inline; filename="leerkring.ics"')
      .set('Referrer-Policy', 'no-referrer')
      .set('X-Robots-Tag', 'noindex, nofollow');
    if (lastModified) {
      response.set('Last-Modified', lastModified.toUTCString());
    }
    response.send(ics);
  }
}

/** The signed-in person's own feed URL: make, regenerate, revoke. */
@ApiTags('me')
@Controller('me/calendar-feed')
export class MyCalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get()
  @ApiOperation({ summary: 'Whether I have a calendar feed (the URL is never shown again)' })
  @ApiOkResponse({ type: CalendarFeedStatusResponse })
  async status(@CurrentActor() actor: Actor): Promise<CalendarFeedStatusResponse> {
    return mapCalendarFeedStatus(await this.feeds.status(actor.personId));
  }

  @Post()
  @ApiOperation({
    summary: 'Make my calendar feed URL, or a new one in place of the old',
    description: 'The URL is shown once. Making a new one stops the old URL at once.',
  })
  @ApiCreatedResponse({ type: NewCalendarFeedResponse })
  async create(@CurrentActor() actor: Actor): Promise<NewCalendarFeedResponse> {
    return mapNewCalendarFeed(await this.feeds.create(actor.personId));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke my calendar feed URL' })
  @ApiNoContentResponse()
  async revoke(@CurrentActor() actor: Actor): Promise<void> {
    await this.feeds.revoke(actor.personId);
  }
}
