import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AddMemberDto,
  AddMemberResponse,
  AttendanceDto,
  AttendanceExportLine,
  AttendanceResponse,
  CasePresenterDto,
  CommonSlotListResponse,
  CommonSlotQuery,
  CreateGroupDto,
  ExportQuery,
  GroupListResponse,
  GroupReportLine,
  GroupResponse,
  IntervisionService,
  MeetingListResponse,
  MeetingResponse,
  MethodResponse,
  MoveMeetingDto,
  MovedMeetingResponse,
  RemoveMemberResponse,
  ReplaceSeriesDto,
  ReportQuery,
  SeriesDto,
  SeriesResponse,
  SkippedDateResponse,
  SwapPresenterDto,
} from '@leerkring/intervision';
import { CurrentActor, Roles, type Actor } from '@leerkring/people';
import { toCsv } from '@leerkring/core';
import { requestContext } from '../http/request-context';

const UUID = new ParseUUIDPipe();

/**
 * Intervision groups, their series and meetings. The facilitator and admins manage a group, its
 * members read it, anyone else gets 404; directors read the aggregate report.
 */
@ApiTags('intervision')
@Controller('intervision')
export class IntervisionController {
  constructor(private readonly intervision: IntervisionService) {}

  @Get('methods')
  @ApiOperation({ summary: 'The intervision methods to choose from' })
  @ApiOkResponse({ type: [MethodResponse] })
  methods(): Promise<MethodResponse[]> {
    return this.intervision.methods();
  }

  @Post('groups')
  @Roles('coach', 'admin')
  @ApiOperation({
    summary: 'Start an intervision group',
    description: 'A coach facilitates; an admin names the facilitator.',
  })
  @ApiCreatedResponse({ type: GroupResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateGroupDto, @Req() request: Request): Promise<GroupResponse> {
    return this.intervision.create(requestContext(actor, request), body);
  }

  @Get('groups')
  @ApiOperation({ summary: 'The groups I facilitate or am a member of (admins: all)' })
  @ApiOkResponse({ type: GroupListResponse })
  list(@CurrentActor() actor: Actor): Promise<GroupListResponse> {
    return this.intervision.list(actor);
  }

  @Get('groups/:id')
  @ApiOkResponse({ type: GroupResponse })
  get(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<GroupResponse> {
    return this.intervision.get(actor, id);
  }

  @Get('groups/:id/meetings')
  @ApiOkResponse({ type: MeetingListResponse })
  meetings(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<MeetingListResponse> {
    return this.intervision.meetings(actor, id);
  }

  @Get('groups/:id/skipped-dates')
  @ApiOperation({ summary: 'Dates the series skipped or shifted (closures), or could not plan (passed)' })
  skippedDates(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<{ items: SkippedDateResponse[] }> {
    return this.intervision.skippedDates(actor, id);
  }

  @Get('groups/:id/common-slots')
  @ApiOperation({
    summary: 'Recurring slots where the facilitator and all members are free',
    description:
      'Weekday, start on a 30-minute grid and cadence (1–4 weeks) over the rest of the school year, ranked by the ' +
      'number of occurrences on which everyone is free; conflicts per member for each result.',
  })
  @ApiOkResponse({ type: CommonSlotListResponse })
  commonSlots(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Query() query: CommonSlotQuery,
  ): Promise<CommonSlotListResponse> {
    return this.intervision.commonSlots(actor, id, query);
  }

  @Post('groups/:id/members')
  @ApiOperation({ summary: 'Add a member: invited to the future meetings only' })
  @ApiCreatedResponse({ type: AddMemberResponse })
  addMember(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: AddMemberDto,
    @Req() request: Request,
  ): Promise<AddMemberResponse> {
    return this.intervision.addMember(requestContext(actor, request), id, body);
  }

  @Delete('groups/:id/members/:personId')
  @ApiOperation({ summary: 'A member leaves: taken off the future meetings; past attendance stays' })
  @ApiOkResponse({ type: RemoveMemberResponse })
  removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Param('personId', UUID) personId: string,
    @Req() request: Request,
  ): Promise<RemoveMemberResponse> {
    return this.intervision.removeMember(requestContext(actor, request), id, personId);
  }

  @Post('groups/:id/series')
  @ApiOperation({
    summary: 'Plan the series: one appointment per occurrence',
    description:
      'The facilitator is held to every scheduling rule; members’ clashes and working hours are reported in ' +
      'memberConflicts, not refused. Closures of any member’s school are skipped or shifted (the group’s policy).',
  })
  @ApiCreatedResponse({ type: SeriesResponse })
  createSeries(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: SeriesDto,
    @Req() request: Request,
  ): Promise<SeriesResponse> {
    return this.intervision.createSeries(requestContext(actor, request), id, body);
  }

  @Post('groups/:id/series/replace')
  @ApiOperation({ summary: 'Change the series from a date onward; earlier meetings stay as they were' })
  @ApiCreatedResponse({ type: SeriesResponse })
  replaceSeries(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: ReplaceSeriesDto,
    @Req() request: Request,
  ): Promise<SeriesResponse> {
    return this.intervision.replaceSeries(requestContext(actor, request), id, body);
  }

  @Get('groups/:id/attendance')
  @ApiOperation({ summary: 'Attendance per member over the school year (facilitator, admins); ?format=csv' })
  async attendanceExport(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ items: AttendanceExportLine[] } | string> {
    const report = await this.intervision.attendanceExport(actor, id);
    if (query.format !== 'csv') {
      return report;
    }
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', 'attachment; filename="intervisie-aanwezigheid.csv"');
    return toCsv(report.items, [
      'name',
      'schoolYear',
      'meetings',
      'present',
      'excused',
      'absent',
      'unrecorded',
      'personId',
    ]);
  }

  @Patch('meetings/:id')
  @ApiOperation({ summary: 'Move one meeting: only its calendar entry is updated' })
  @ApiOkResponse({ type: MovedMeetingResponse })
  move(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: MoveMeetingDto,
    @Req() request: Request,
  ): Promise<MovedMeetingResponse> {
    return this.intervision.moveMeeting(requestContext(actor, request), id, body);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel one meeting: only its calendar entry is cancelled' })
  @ApiOkResponse({ type: MeetingResponse })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Req() request: Request,
  ): Promise<MeetingResponse> {
    return this.intervision.cancelMeeting(requestContext(actor, request), id);
  }

  @Put('meetings/:id/case-presenter')
  @ApiOperation({ summary: 'Name the case presenter (inbrenger), or leave personId out for the fair rotation' })
  @ApiOkResponse({ type: MeetingResponse })
  setCasePresenter(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: CasePresenterDto,
    @Req() request: Request,
  ): Promise<MeetingResponse> {
    return this.intervision.setCasePresenter(requestContext(actor, request), id, body);
  }

  @Post('meetings/:id/case-presenter/swap')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Swap the case presenters of two meetings (a presenter of one of them, or the facilitator)',
  })
  @ApiOkResponse({ type: MeetingListResponse })
  swap(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: SwapPresenterDto,
    @Req() request: Request,
  ): Promise<MeetingListResponse> {
    return this.intervision.swapCasePresenter(requestContext(actor, request), id, body);
  }

  @Get('meetings/:id/attendance')
  @ApiOkResponse({ type: AttendanceResponse })
  attendance(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<AttendanceResponse> {
    return this.intervision.attendance(actor, id);
  }

  @Put('meetings/:id/attendance')
  @ApiOperation({ summary: 'Record present, excused or absent (excused also beforehand)' })
  @ApiOkResponse({ type: AttendanceResponse })
  recordAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: AttendanceDto,
    @Req() request: Request,
  ): Promise<AttendanceResponse> {
    return this.intervision.recordAttendance(requestContext(actor, request), id, body);
  }

  @Get('reports/groups')
  @Roles('director', 'admin')
  @ApiOperation({ summary: 'Aggregates per group with members at my schools (directors) or all (admins)' })
  report(@CurrentActor() actor: Actor, @Query() query: ReportQuery): Promise<{ items: GroupReportLine[] }> {
    return this.intervision.report(actor, query.schoolYear);
  }
}
