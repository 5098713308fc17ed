import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '@leerkring/people';
import {
  AttendanceService,
  CheckInDto,
  CheckInResponse,
  EvaluationAggregate,
  EvaluationDto,
  EvaluationResponse,
  MarkAttendanceDto,
  ProfessionalDevelopmentCsvQuery,
  ProfessionalDevelopmentResponse,
  SchoolYearQuery,
  SessionAttendanceResponse,
} from '@leerkring/theme-meetings';

const ORGANISER = 'The organiser or an admin; others in the audience 403, outside it 404.';

/** Attendance per session, check-in with the session code, professional development hours, the evaluation. */
@ApiTags('theme-meetings')
@Controller()
export class ThemeAttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('theme-meetings/:id/sessions/:sessionId/attendance')
  @ApiOperation({ summary: "A session's attendance", description: `Every confirmed participant. ${ORGANISER}` })
  @ApiOkResponse({ type: SessionAttendanceResponse })
  sessionAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ): Promise<SessionAttendanceResponse> {
    return this.attendance.sessionAttendance(actor, id, sessionId);
  }

  @Put('theme-meetings/:id/sessions/:sessionId/attendance')
  @ApiOperation({
    summary: 'Mark attendance',
    description:
      'Present or absent per confirmed registration, once the session has started (else 422 session_not_started). ' +
      `Attended hours are recomputed. ${ORGANISER}`,
  })
  @ApiOkResponse({ type: SessionAttendanceResponse })
  mark(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body() body: MarkAttendanceDto,
  ): Promise<SessionAttendanceResponse> {
    return this.attendance.mark(actor, id, sessionId, body);
  }

  @Post('theme-meetings/:id/sessions/:sessionId/check-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check in with the session code',
    description:
      'A confirmed participant, from 30 minutes before the session until the end of its day. 422 ' +
      'wrong_check_in_code, check_in_closed, not_a_participant; 404 outside the audience.',
  })
  @ApiOkResponse({ type: CheckInResponse })
  checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body() body: CheckInDto,
  ): Promise<CheckInResponse> {
    return this.attendance.checkIn(actor, id, sessionId, body.code);
  }

  @Post('theme-meetings/:id/evaluation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Evaluate the meeting (1–5 and a comment)',
    description:
      'A confirmed participant who attended, after the last session has ended (else 422 meeting_not_ended / ' +
      'not_attended). A repeat replaces the earlier evaluation.',
  })
  @ApiOkResponse({ type: EvaluationResponse })
  evaluate(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: EvaluationDto,
  ): Promise<EvaluationResponse> {
    return this.attendance.evaluate(actor, id, body);
  }

  @Get('theme-meetings/:id/evaluations')
  @ApiOperation({
    summary: 'The evaluation aggregate',
    description: `Count, average, distribution, comments without names. ${ORGANISER}`,
  })
  @ApiOkResponse({ type: EvaluationAggregate })
  evaluations(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<EvaluationAggregate> {
    return this.attendance.evaluations(actor, id);
  }

  @Get('me/professional-development')
  @ApiOperation({ summary: 'My professional development hours in a school year', description: 'Own only.' })
  @ApiOkResponse({ type: ProfessionalDevelopmentResponse })
  mine(@CurrentActor() actor: Actor, @Query() query: SchoolYearQuery): Promise<ProfessionalDevelopmentResponse> {
    return this.attendance.mine(actor, query.schoolYear);
  }

  @Get('professional-development.csv')
  @ApiOperation({
    summary: 'Professional development hours as CSV (Dutch Excel)',
    description:
      'Semicolon-separated, UTF-8 with BOM, every field quoted. A teacher their own rows, a director those of the ' +
      "people at their schools, an admin everyone's. `personId` someone else the caller may not see: 404.",
  })
  @ApiProduces('text/csv')
  async csv(
    @CurrentActor() actor: Actor,
    @Query() query: ProfessionalDevelopmentCsvQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const body = await this.attendance.csv(actor, query.schoolYear, query.personId);
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="nascholingsuren-${query.schoolYear}.csv"`);
    return body;
  }
}
