import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  mapChanges,
  RijksoverheidImportResponse,
  Roles,
  SchoolCalendar,
  type Actor,
} from '@leerkring/people';

@ApiTags('school calendar')
@Controller('closures')
export class ClosuresImportController {
  constructor(private readonly calendar: SchoolCalendar) {}

  @Post('import/rijksoverheid')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import the Rijksoverheid school holidays (admin)',
    description:
      'The body is the JSON of Rijksoverheid open data (info type `schoolholidays`): one document with ' +
      '`content[].vacations[].regions[]`, or an array of them. Without a body the shipped fixture (school years ' +
      '2026-2027 and 2027-2028) is loaded. The public holidays of the same school years are added. The file is the ' +
      'whole truth for its school years: importing it again changes nothing, a holiday it no longer lists is removed.',
  })
  @ApiBody({
    required: false,
    schema: { type: 'object', example: { content: [{ schoolyear: '2026-2027', vacations: [] }] } },
  })
  @ApiOkResponse({ type: RijksoverheidImportResponse })
  async importRijksoverheid(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<RijksoverheidImportResponse> {
    const empty =
      body === undefined ||
      body === null ||
      (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
    const report = await this.calendar.importRijksoverheid(actor, empty ? undefined : body);
    return {
      schoolYears: report.schoolYears,
      holidays: mapChanges(report.holidays),
      publicHolidays: mapChanges(report.publicHolidays),
    };
  }
}
