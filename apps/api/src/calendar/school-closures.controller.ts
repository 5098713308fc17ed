import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ClosedQuery,
  ClosedResponse,
  ClosureListResponse,
  ClosureRangeQuery,
  ClosureResponse,
  CreateClosureDto,
  CurrentActor,
  mapClosure,
  Roles,
  SchoolCalendar,
  UpdateClosureDto,
  type Actor,
} from '@leerkring/people';

@ApiTags('school calendar')
@Controller('schools/:schoolId')
export class SchoolClosuresController {
  constructor(private readonly calendar: SchoolCalendar) {}

  @Get('closures')
  @ApiOperation({
    summary: 'When the school is closed between two dates',
    description:
      "Its region's school holidays (and those for heel Nederland), public holidays and its own study days that " +
      'share at least one day with [from, to], chronologically. Dates, not instants; both ends included.',
  })
  @ApiOkResponse({ type: ClosureListResponse })
  async list(
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Query() query: ClosureRangeQuery,
  ): Promise<ClosureListResponse> {
    const closures = await this.calendar.closuresBetween(schoolId, query.from, query.to);
    return { from: query.from, to: query.to, items: closures.map(mapClosure) };
  }

  @Get('closed')
  @ApiOperation({ summary: 'Is the school closed on this date, and why' })
  @ApiOkResponse({ type: ClosedResponse })
  async closed(
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Query() query: ClosedQuery,
  ): Promise<ClosedResponse> {
    const closure = await this.calendar.isClosed(schoolId, query.date);
    return { date: query.date, closed: closure !== null, closure: closure ? mapClosure(closure) : null };
  }

  @Get('closures/:closureId')
  @ApiOkResponse({ type: ClosureResponse })
  async get(
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Param('closureId', new ParseUUIDPipe()) closureId: string,
  ): Promise<ClosureResponse> {
    return mapClosure(await this.calendar.get(schoolId, closureId));
  }

  @Post('closures')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a study day (or an extra day off) for the school (admin)' })
  @ApiCreatedResponse({ type: ClosureResponse })
  async create(
    @CurrentActor() actor: Actor,
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Body() body: CreateClosureDto,
  ): Promise<ClosureResponse> {
    return mapClosure(await this.calendar.create(actor, schoolId, body));
  }

  @Patch('closures/:closureId')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a study day added by hand (admin); 422 for an imported one' })
  @ApiOkResponse({ type: ClosureResponse })
  async update(
    @CurrentActor() actor: Actor,
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Param('closureId', new ParseUUIDPipe()) closureId: string,
    @Body() body: UpdateClosureDto,
  ): Promise<ClosureResponse> {
    return mapClosure(await this.calendar.update(actor, schoolId, closureId, body));
  }

  @Delete('closures/:closureId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove one of the school's own closures, added by hand or imported (admin)" })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Param('closureId', new ParseUUIDPipe()) closureId: string,
  ): Promise<void> {
    await this.calendar.remove(actor, schoolId, closureId);
  }
}
