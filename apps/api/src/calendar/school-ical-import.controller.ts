import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiException, ErrorCode } from '@leerkring/core';
import { CurrentActor, IcalImportResponse, mapChanges, Roles, SchoolCalendar, type Actor } from '@leerkring/people';

/** Its own controller so the text/calendar body parser (see CalendarApiModule) runs for this route only. */
@ApiTags('school calendar')
@Controller('schools/:schoolId/closures/import')
export class SchoolIcalImportController {
  constructor(private readonly calendar: SchoolCalendar) {}

  @Post('ical')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Import a school's study days from an iCalendar file (admin)",
    description:
      'Send the file itself with `Content-Type: text/calendar`. Every VEVENT becomes a study day of the school, ' +
      'keyed by its UID: importing the same file again changes nothing, a newer version updates the changed events, ' +
      'and an event with STATUS:CANCELLED removes its study day. All-day events keep their dates; timed events ' +
      'close the dates they touch in Europe/Amsterdam.',
  })
  @ApiConsumes('text/calendar')
  @ApiBody({ schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\n...\r\nEND:VCALENDAR' } })
  @ApiOkResponse({ type: IcalImportResponse })
  async importIcal(
    @CurrentActor() actor: Actor,
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Body() body: unknown,
  ): Promise<IcalImportResponse> {
    if (typeof body !== 'string') {
      throw new ApiException(415, ErrorCode.UnsupportedMediaType, 'Unsupported media type', {
        detail: 'Send the iCalendar file as the body with Content-Type: text/calendar.',
      });
    }
    return mapChanges(await this.calendar.importIcal(actor, schoolId, body));
  }
}
