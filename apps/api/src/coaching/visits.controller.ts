import { toCsv } from '@leerkring/core';
import {
  Body,
  Controller,
  Get,
  Headers,
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
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  CoachingReports,
  CreateFormDto,
  CreateVisitDto,
  FormResponse,
  FormsQuery,
  MoveDto,
  ObservationDto,
  ObservationResponse,
  ReportQuery,
  TeacherHistoryResponse,
  UpdateFormDto,
  VISIT_PARTS,
  VisitListResponse,
  VisitResponse,
  VisitsService,
  type FormView,
  type ObservationView,
  type SessionReportLine,
  type TeacherHistoryItem,
  type VisitPart,
  type VisitReportLine,
  type VisitView,
} from '@leerkring/coaching';
import { ApiException } from '@leerkring/core';
import { CurrentActor, Roles, type Actor } from '@leerkring/people';
import { parseIfMatch } from '../appointments/appointments.controller';
import { requestContext } from '../http/request-context';
import { IF_MATCH } from './coaching.controller';

const UUID = new ParseUUIDPipe();

function visitPart(value: string): VisitPart {
  if (!(VISIT_PARTS as readonly string[]).includes(value)) {
    throw ApiException.validation([{ field: 'part', messages: [`part must be one of ${VISIT_PARTS.join(', ')}`] }]);
  }
  return value as VisitPart;
}

/** Classroom visits, observation forms and observations; a teacher's observation history. */
@ApiTags('coaching')
@Controller('coaching')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('forms')
  @ApiOperation({
    summary: 'Observation forms (kijkwijzers)',
    description: 'The active ones, the default first; admins add `includeInactive=true` for the deactivated ones too.',
  })
  @ApiOkResponse({ type: [FormResponse] })
  forms(@CurrentActor() actor: Actor, @Query() query: FormsQuery): Promise<FormView[]> {
    return this.visits.forms(actor, query.includeInactive === 'true');
  }

  @Get('forms/:id')
  @ApiOperation({ summary: 'One observation form' })
  @ApiOkResponse({ type: FormResponse })
  form(@Param('id', UUID) id: string): Promise<FormView> {
    return this.visits.form(id);
  }

  @Post('forms')
  @Roles('admin')
  @ApiOperation({ summary: 'Add an observation form', description: 'Admins: domains, items, a scale with labels.' })
  createForm(@CurrentActor() actor: Actor, @Body() body: CreateFormDto, @Req() request: Request): Promise<FormView> {
    return this.visits.createForm(requestContext(actor, request), body);
  }

  @Patch('forms/:id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change or deactivate an observation form',
    description:
      'Admins. The name and `active` may always change; `active: false` takes it off the list for new visits ' +
      '(old observations still show it; the default form cannot be deactivated: 422 default_form). The scale ' +
      'and domains only while no classroom visit uses the form (else 409 form_in_use: add a new form as the ' +
      'next version and deactivate this one).',
  })
  @ApiOkResponse({ type: FormResponse })
  updateForm(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: UpdateFormDto,
    @Req() request: Request,
  ): Promise<FormView> {
    return this.visits.updateForm(requestContext(actor, request), id, body);
  }

  @Post('visits')
  @Roles('coach', 'admin')
  @ApiOperation({
    summary: 'Plan a classroom visit',
    description:
      'Plans the visit at the lesson time and proposes a pre-visit meeting within 5 school days before and a ' +
      'debrief within 5 school days after (first free time of observer and teacher). The teacher is invited to all three.',
  })
  @ApiCreatedResponse({ type: VisitResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateVisitDto, @Req() request: Request): Promise<VisitView> {
    return this.visits.create(requestContext(actor, request), body);
  }

  @Get('visits')
  @ApiOperation({
    summary: 'My classroom visits',
    description: 'The visits I observe or am observed in, with their three appointments, earliest lesson first.',
  })
  @ApiOkResponse({ type: VisitListResponse })
  list(@CurrentActor() actor: Actor): Promise<{ items: VisitView[] }> {
    return this.visits.list(actor);
  }

  @Get('visits/:id')
  @ApiOperation({ summary: 'One visit with its three appointments', description: 'Observer, teacher and admins.' })
  @ApiOkResponse({ type: VisitResponse })
  get(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<VisitView> {
    return this.visits.get(actor, id);
  }

  @Patch('visits/:id/appointments/:part')
  @ApiParam({ name: 'part', enum: VISIT_PARTS })
  @ApiOperation({
    summary: 'Move the pre-visit meeting, the visit or the debrief, or change its place',
    description:
      'The observer. New times, and optionally a new place (`schoolId`, `room`, `onlineUrl`; left out: ' +
      'unchanged); the rules apply at the new time and place. The visit itself stays at the school of the ' +
      'visit (422 visit_school_fixed; its room may change). The teacher gets one updated invitation.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: VisitResponse })
  move(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Param('part') part: string,
    @Body() body: MoveDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
  ): Promise<VisitView> {
    return this.visits.move(requestContext(actor, request), id, visitPart(part), body, parseIfMatch(ifMatch));
  }

  @Post('visits/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the visit and its meetings', description: 'The observer or an admin.' })
  @ApiOkResponse({ type: VisitResponse })
  cancel(@CurrentActor() actor: Actor, @Param('id', UUID) id: string, @Req() request: Request): Promise<VisitView> {
    return this.visits.cancel(requestContext(actor, request), id);
  }

  @Post('visits/:id/debrief-held')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the debrief held', description: 'From then on the teacher reads the observation.' })
  @ApiOkResponse({ type: VisitResponse })
  debriefHeld(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Req() request: Request,
  ): Promise<VisitView> {
    return this.visits.markDebriefHeld(requestContext(actor, request), id);
  }

  @Get('visits/:id/observation')
  @ApiOperation({
    summary: 'The observation',
    description: 'The observer; the teacher once the debrief is held (before: 404). Anyone else 404.',
  })
  @ApiOkResponse({ type: ObservationResponse })
  observation(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<ObservationView> {
    return this.visits.getObservation(actor, id);
  }

  @Put('visits/:id/observation')
  @ApiOperation({ summary: 'Fill in the observation', description: 'The observer.' })
  @ApiOkResponse({ type: ObservationResponse })
  putObservation(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: ObservationDto,
    @Req() request: Request,
  ): Promise<ObservationView> {
    return this.visits.putObservation(requestContext(actor, request), id, body);
  }

  @Get('teachers/:personId/observation-history')
  @ApiOperation({
    summary: "A teacher's shared observations over time, per domain",
    description: 'The teacher and admins; anyone else 404. Only visits whose debrief is held, earliest lesson first.',
  })
  @ApiOkResponse({ type: TeacherHistoryResponse })
  history(
    @CurrentActor() actor: Actor,
    @Param('personId', UUID) personId: string,
  ): Promise<{ items: TeacherHistoryItem[] }> {
    return this.visits.history(actor, personId);
  }
}

/** Aggregates for directors (their schools) and admins: never notes. `?format=csv` for a spreadsheet. */
@ApiTags('coaching')
@Controller('coaching/reports')
export class CoachingReportsController {
  constructor(private readonly reports: CoachingReports) {}

  @Get('sessions')
  @ApiOperation({ summary: 'Sessions and hours per school, per coach, per month' })
  async sessions(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ items: SessionReportLine[] } | string> {
    const report = await this.reports.sessions(actor, query);
    if (query.format !== 'csv') {
      return report;
    }
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', 'attachment; filename="coachgesprekken.csv"');
    return toCsv(report.items, ['month', 'schoolName', 'coachName', 'sessions', 'held', 'hours', 'schoolId']);
  }

  @Get('visits')
  @ApiOperation({ summary: 'Classroom visits per school, per month' })
  async visits(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ items: VisitReportLine[] } | string> {
    const report = await this.reports.visits(actor, query);
    if (query.format !== 'csv') {
      return report;
    }
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', 'attachment; filename="lesbezoeken.csv"');
    return toCsv(report.items, ['month', 'schoolName', 'visits', 'schoolId']);
  }
}
