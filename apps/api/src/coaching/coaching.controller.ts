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
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  CancelSessionDto,
  CloseTrajectoryDto,
  CreateTrajectoryDto,
  MethodResponse,
  MoveDto,
  PlanSessionDto,
  SessionListResponse,
  SessionResponse,
  TextDto,
  TextResponse,
  TrajectoriesService,
  TrajectoryListResponse,
  TrajectoryResponse,
  TrajectorySlotQuery,
} from '@leerkring/coaching';
import { CurrentActor, Roles, type Actor } from '@leerkring/people';
import { SlotListResponse } from '@leerkring/scheduling';
import { parseIfMatch } from '../appointments/appointments.controller';
import { requestContext } from '../http/request-context';

export const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The appointment version you last saw, e.g. "3" (or send `version` in the body).',
};

const UUID = new ParseUUIDPipe();

/** Coaching trajectories and sessions, with their confidential notes and shared agreements. */
@ApiTags('coaching')
@Controller('coaching')
export class CoachingController {
  constructor(private readonly trajectories: TrajectoriesService) {}

  @Get('methods')
  @ApiOperation({ summary: 'The coaching methods to choose from' })
  @ApiOkResponse({ type: [MethodResponse] })
  methods(): Promise<MethodResponse[]> {
    return this.trajectories.methods();
  }

  @Post('trajectories')
  @Roles('coach', 'admin')
  @ApiOperation({
    summary: 'Start a coaching trajectory',
    description:
      "A coach for themselves, an admin for any coach. A starter's line manager may not be their coach " +
      '(422 coach_is_line_manager).',
  })
  @ApiCreatedResponse({ type: TrajectoryResponse })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateTrajectoryDto,
    @Req() request: Request,
  ): Promise<TrajectoryResponse> {
    return this.trajectories.create(requestContext(actor, request), body);
  }

  @Get('trajectories')
  @ApiOperation({
    summary: 'My coaching trajectories',
    description: 'As coach or coachee; an admin sees all. Directors see aggregates in the reports.',
  })
  @ApiOkResponse({ type: TrajectoryListResponse })
  list(@CurrentActor() actor: Actor): Promise<TrajectoryListResponse> {
    return this.trajectories.list(actor);
  }

  @Get('trajectories/:id')
  @ApiOperation({ summary: 'One trajectory', description: 'Coach, coachee and admins; anyone else 404.' })
  @ApiOkResponse({ type: TrajectoryResponse })
  get(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<TrajectoryResponse> {
    return this.trajectories.get(actor, id);
  }

  @Post('trajectories/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a trajectory with its evaluation', description: 'The coach or an admin.' })
  @ApiOkResponse({ type: TrajectoryResponse })
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: CloseTrajectoryDto,
    @Req() request: Request,
  ): Promise<TrajectoryResponse> {
    return this.trajectories.close(requestContext(actor, request), id, body);
  }

  @Get('trajectories/:id/slot-suggestions')
  @ApiOperation({
    summary: 'Free times for coach and coachee',
    description: 'At the trajectory school, honouring every scheduling rule; earliest first. The coach or an admin.',
  })
  @ApiOkResponse({ type: SlotListResponse })
  slots(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Query() query: TrajectorySlotQuery,
  ): Promise<SlotListResponse> {
    return this.trajectories.slotSuggestions(actor, id, query);
  }

  @Get('trajectories/:id/sessions')
  @ApiOperation({ summary: 'The sessions of a trajectory', description: 'Coach, coachee and admins.' })
  @ApiOkResponse({ type: SessionListResponse })
  sessions(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<SessionListResponse> {
    return this.trajectories.sessions(actor, id);
  }

  @Post('trajectories/:id/sessions')
  @ApiOperation({
    summary: 'Plan a coaching session',
    description: 'The coach (organiser) or an admin. The coachee gets an invitation with a calendar invite.',
  })
  @ApiCreatedResponse({ type: SessionResponse })
  plan(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: PlanSessionDto,
    @Req() request: Request,
  ): Promise<SessionResponse> {
    return this.trajectories.planSession(requestContext(actor, request), id, body);
  }

  @Get('sessions/:id')
  @ApiOperation({ summary: 'One session (without note or agreements)', description: 'Coach, coachee and admins.' })
  @ApiOkResponse({ type: SessionResponse })
  session(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<SessionResponse> {
    return this.trajectories.getSession(actor, id);
  }

  @Patch('sessions/:id')
  @ApiOperation({
    summary: 'Move a session, or change its place',
    description:
      'The coach or an admin; needs the version (409 when stale). New times, and optionally a new place ' +
      '(`schoolId`, `room`, `onlineUrl`; left out: unchanged). The rules apply at the new time and place ' +
      '(closures, travel time between schools); the coachee gets one updated invitation.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SessionResponse })
  move(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: MoveDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
  ): Promise<SessionResponse> {
    return this.trajectories.moveSession(requestContext(actor, request), id, body, parseIfMatch(ifMatch));
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a session, saying why',
    description:
      'The coach any time; the coachee until COACHING_CANCELLATION_DEADLINE_HOURS before it ' +
      '(later: 422 cancellation_deadline_passed).',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SessionResponse })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: CancelSessionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
  ): Promise<SessionResponse> {
    return this.trajectories.cancelSession(requestContext(actor, request), id, body, parseIfMatch(ifMatch));
  }

  @Post('sessions/:id/held')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a session held', description: 'The coach or an admin.' })
  @ApiOkResponse({ type: SessionResponse })
  held(@CurrentActor() actor: Actor, @Param('id', UUID) id: string, @Req() request: Request): Promise<SessionResponse> {
    return this.trajectories.markSession(requestContext(actor, request), id, 'held');
  }

  @Post('sessions/:id/no-show')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a session as a no-show', description: 'The coach or an admin.' })
  @ApiOkResponse({ type: SessionResponse })
  noShow(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Req() request: Request,
  ): Promise<SessionResponse> {
    return this.trajectories.markSession(requestContext(actor, request), id, 'no_show');
  }

  @Get('sessions/:id/note')
  @ApiOperation({
    summary: 'The confidential note',
    description: 'Only the coach and the coachee; for anyone else, admins and directors included, 404.',
  })
  @ApiOkResponse({ type: TextResponse })
  note(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<TextResponse> {
    return this.trajectories.getNote(actor, id);
  }

  @Put('sessions/:id/note')
  @ApiOperation({ summary: 'Write the confidential note', description: 'The coach. Stored encrypted (AES-256-GCM).' })
  @ApiOkResponse({ type: TextResponse })
  putNote(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: TextDto,
    @Req() request: Request,
  ): Promise<TextResponse> {
    return this.trajectories.putNote(requestContext(actor, request), id, body.text);
  }

  @Get('sessions/:id/agreements')
  @ApiOperation({ summary: 'The shared agreements', description: 'Coach and coachee only; anyone else 404.' })
  @ApiOkResponse({ type: TextResponse })
  agreements(@CurrentActor() actor: Actor, @Param('id', UUID) id: string): Promise<TextResponse> {
    return this.trajectories.getAgreements(actor, id);
  }

  @Put('sessions/:id/agreements')
  @ApiOperation({ summary: 'Write the shared agreements', description: 'Coach or coachee.' })
  @ApiOkResponse({ type: TextResponse })
  putAgreements(
    @CurrentActor() actor: Actor,
    @Param('id', UUID) id: string,
    @Body() body: TextDto,
    @Req() request: Request,
  ): Promise<TextResponse> {
    return this.trajectories.putAgreements(requestContext(actor, request), id, body.text);
  }
}
