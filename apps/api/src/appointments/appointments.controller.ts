import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiException } from '@leerkring/core';
import { CurrentActor, Roles, type Actor } from '@leerkring/people';
import {
  AddParticipantsDto,
  AgendaQuery,
  AgendaResponse,
  AppointmentResponse,
  AppointmentsService,
  CreateAppointmentDto,
  UpdateAppointmentDto,
  VersionDto,
  WeekQuery,
  WeekResponse,
} from '@leerkring/scheduling';
import { requestIdOf } from '../http/request-context';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description:
    'The version you last saw, e.g. "3" (or send `version` in the body). A changed appointment answers 409 stale_version.',
};

/** `If-Match: "3"`, `W/"3"` or `3` → 3; absent → undefined; anything else is a 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') {
    return undefined;
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw ApiException.validation([{ field: 'If-Match', messages: ['If-Match must be a version, e.g. "3"'] }]);
  }
  return Number(match[1]);
}

const WHO_READS =
  'The organiser, the current participants and admins; for anyone else the appointment does not exist (404).';
const WHO_CHANGES = 'The organiser or an admin (a participant gets 403, anyone else 404).';

@ApiTags('appointments')
@Controller()
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post('appointments')
  @Roles('coach', 'admin')
  @ApiOperation({
    summary: 'Plan a meeting and invite people',
    description: 'The caller is the organiser. Every participant gets an invitation by mail with a calendar invite.',
  })
  @ApiCreatedResponse({ type: AppointmentResponse })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAppointmentDto,
    @Req() request: Request,
  ): Promise<AppointmentResponse> {
    return this.appointments.create({ actor, requestId: requestIdOf(request) }, body);
  }

  @Get('appointments/:id')
  @ApiOperation({ summary: 'One appointment', description: WHO_READS })
  @ApiOkResponse({ type: AppointmentResponse })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<AppointmentResponse> {
    return this.appointments.get(actor, id);
  }

  @Patch('appointments/:id')
  @ApiOperation({
    summary: 'Move, retitle or relocate an appointment',
    description: `Needs the version you saw (body or If-Match). Participants get an update. ${WHO_CHANGES}`,
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AppointmentResponse })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateAppointmentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
  ): Promise<AppointmentResponse> {
    return this.appointments.update({ actor, requestId: requestIdOf(request) }, id, body, parseIfMatch(ifMatch));
  }

  @Post('appointments/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an appointment',
    description: `Every participant gets a cancellation that removes it from their calendar. ${WHO_CHANGES}`,
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AppointmentResponse })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: VersionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
  ): Promise<AppointmentResponse> {
    return this.appointments.cancel(
      { actor, requestId: requestIdOf(request) },
      id,
      body?.version ?? parseIfMatch(ifMatch),
    );
  }

  @Post('appointments/:id/participants')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Invite more people',
    description: `New participants get an invitation, the others an update. ${WHO_CHANGES}`,
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AppointmentResponse })
  addParticipants(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AddParticipantsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
  ): Promise<AppointmentResponse> {
    return this.appointments.addParticipants(
      { actor, requestId: requestIdOf(request) },
      id,
      body,
      parseIfMatch(ifMatch),
    );
  }

  @Delete('appointments/:id/participants/:personId')
  @ApiOperation({
    summary: 'Take someone off an appointment',
    description: `They get a cancellation, the others an update. ${WHO_CHANGES}`,
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AppointmentResponse })
  removeParticipant(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
  ): Promise<AppointmentResponse> {
    return this.appointments.removeParticipant(
      { actor, requestId: requestIdOf(request) },
      id,
      personId,
      parseIfMatch(ifMatch),
    );
  }

  @Get('me/appointments')
  @ApiOperation({
    summary: 'My agenda',
    description: 'Appointments I take part in (cancelled ones included) that overlap [from, to); earliest first.',
  })
  @ApiOkResponse({ type: AgendaResponse })
  agenda(@CurrentActor() actor: Actor, @Query() query: AgendaQuery): Promise<AgendaResponse> {
    return this.appointments.agenda(actor, query);
  }

  @Get('me/week')
  @ApiOperation({
    summary: 'My week',
    description:
      'The week (Monday to Sunday, Europe/Amsterdam) around the given date: each day with my appointments of every kind ' +
      'and at every school, earliest first. A coach working at several schools sees where they are when.',
  })
  @ApiOkResponse({ type: WeekResponse })
  week(@CurrentActor() actor: Actor, @Query() query: WeekQuery): Promise<WeekResponse> {
    return this.appointments.week(actor, query);
  }
}
