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
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PageQuery } from '@leerkring/core';
import { CurrentActor, Roles, type Actor } from '@leerkring/people';
import {
  CataloguePage,
  CatalogueQuery,
  CreateThemeMeetingDto,
  MoveSessionDto,
  RegistrationResponse,
  RegistrationsPage,
  RegistrationsService,
  SignUpDto,
  ThemeMeetingResponse,
  ThemeMeetingsService,
  UpdateThemeMeetingDto,
} from '@leerkring/theme-meetings';

import { OfferAnswerDto } from './theme-offer.controller';

const WHO_READS = 'Its audience, its organiser and admins; for anyone else it does not exist (404).';
const WHO_CHANGES = 'The organiser or an admin (anyone else in the audience gets 403).';

@ApiTags('theme-meetings')
@Controller()
export class ThemeMeetingsController {
  constructor(
    private readonly meetings: ThemeMeetingsService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Post('theme-meetings')
  @Roles('coach', 'admin')
  @ApiOperation({
    summary: 'Organise a theme meeting',
    description: 'The caller is the organiser. Each session becomes an appointment; confirmed registrations join it.',
  })
  @ApiCreatedResponse({ type: ThemeMeetingResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateThemeMeetingDto): Promise<ThemeMeetingResponse> {
    return this.meetings.create(actor, body);
  }

  @Get('theme-meetings')
  @ApiOperation({
    summary: 'The catalogue',
    description:
      'Upcoming meetings whose audience includes the caller, earliest first, with seats left and waitlist length.',
  })
  @ApiOkResponse({ type: CataloguePage })
  catalogue(@CurrentActor() actor: Actor, @Query() query: CatalogueQuery): Promise<CataloguePage> {
    return this.meetings.catalogue(actor, query);
  }

  @Get('theme-meetings/:id')
  @ApiOperation({ summary: 'One theme meeting', description: WHO_READS })
  @ApiOkResponse({ type: ThemeMeetingResponse })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ThemeMeetingResponse> {
    return this.meetings.get(actor, id);
  }

  @Patch('theme-meetings/:id')
  @ApiOperation({
    summary: 'Change title, description, capacity or closing time',
    description: `More seats go to the waitlist at once; fewer never un-confirm anyone. ${WHO_CHANGES}`,
  })
  @ApiOkResponse({ type: ThemeMeetingResponse })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateThemeMeetingDto,
  ): Promise<ThemeMeetingResponse> {
    return this.meetings.update(actor, id, body);
  }

  @Post('theme-meetings/:id/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move one session', description: `Everyone on it gets an update. ${WHO_CHANGES}` })
  @ApiOkResponse({ type: ThemeMeetingResponse })
  move(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MoveSessionDto,
  ): Promise<ThemeMeetingResponse> {
    return this.meetings.move(actor, id, body);
  }

  @Post('theme-meetings/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the whole meeting', description: `Everyone on it gets a CANCEL. ${WHO_CHANGES}` })
  @ApiOkResponse({ type: ThemeMeetingResponse })
  cancel(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<ThemeMeetingResponse> {
    return this.meetings.cancel(actor, id);
  }

  @Post('theme-meetings/:id/registrations')
  @ApiOperation({
    summary: 'Sign up',
    description:
      '201 confirmed (a seat was left) or waitlisted (with a FIFO position); 200 with the existing registration ' +
      'for a repeated sign-up or a repeated Idempotency-Key. `clashes` lists own appointments at the same time ' +
      '(allowed). 422 registration_not_open / registration_closed / meeting_cancelled; 404 outside the audience.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RegistrationResponse })
  async signUp(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SignUpDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegistrationResponse> {
    const { created, registration } = await this.registrations.signUp(actor, id, body ?? {}, idempotencyKey);
    response.status(created ? 201 : 200);
    return registration;
  }

  @Get('theme-meetings/:id/registrations')
  @ApiOperation({ summary: 'Every registration', description: 'For the organiser and admins.' })
  @ApiOkResponse({ type: RegistrationsPage })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<RegistrationsPage> {
    return this.meetings.registrationsOf(actor, id, query.limit, query.cursor);
  }

  @Get('theme-meetings/:id/registration')
  @ApiOperation({ summary: 'My registration for this meeting', description: '404 when I have none.' })
  @ApiOkResponse({ type: RegistrationResponse })
  mine(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<RegistrationResponse> {
    return this.registrations.mine(actor, id);
  }

  @Post('theme-meetings/:id/registration/offer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept or decline my waitlist offer',
    description:
      "The signed-in form of the offer mail link, for the caller's own registration only. 200 with the " +
      'registration (confirmed or declined; repeating the answer changes nothing); 404 when I have no ' +
      'registration; 422 offer_expired (the deadline passed, the seat went to the next person) or ' +
      'no_open_offer (nothing to answer).',
  })
  @ApiOkResponse({ type: RegistrationResponse })
  answerOffer(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: OfferAnswerDto,
  ): Promise<RegistrationResponse> {
    return this.registrations.answerMyOffer(actor, id, body.answer);
  }

  @Get('theme-meetings/:id/registrations/:registrationId')
  @ApiOperation({
    summary: 'One registration',
    description: 'The person themselves, the organiser and admins; for anyone else it does not exist (404).',
  })
  @ApiOkResponse({ type: RegistrationResponse })
  registration(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
  ): Promise<RegistrationResponse> {
    return this.registrations.get(actor, id, registrationId);
  }

  @Post('theme-meetings/:id/registrations/:registrationId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a registration',
    description:
      'The person before the cancellation deadline (after it 422 cancellation_deadline_passed), the organiser or ' +
      'an admin at any time. A freed seat goes to the first on the waitlist at once.',
  })
  @ApiOkResponse({ type: RegistrationResponse })
  cancelRegistration(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
  ): Promise<RegistrationResponse> {
    return this.registrations.cancel(actor, id, registrationId);
  }
}
