import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateUnavailabilityDto,
  CurrentActor,
  PutWorkingPatternDto,
  UnavailabilityListResponse,
  UnavailabilityQuery,
  UnavailabilityResponse,
  WorkingPatternResponse,
  WorkingPatterns,
  type Actor,
} from '@leerkring/people';

const WHO =
  'A person manages their own, an admin anyone’s; a director may read those of the people at their schools. ' +
  'For anyone else the person does not exist (404).';

@ApiTags('working patterns')
@Controller('people/:personId')
export class WorkingPatternsController {
  constructor(private readonly workingPatterns: WorkingPatterns) {}

  @Get('working-pattern')
  @ApiOperation({ summary: "A person's weekly working hours", description: WHO })
  @ApiOkResponse({ type: WorkingPatternResponse })
  getPattern(
    @CurrentActor() actor: Actor,
    @Param('personId', new ParseUUIDPipe()) personId: string,
  ): Promise<WorkingPatternResponse> {
    return this.workingPatterns.getPattern(actor, personId);
  }

  @Put('working-pattern')
  @ApiOperation({
    summary: "Replace a person's weekly working hours",
    description: `Wall-clock times in the pattern's zone (default Europe/Amsterdam); several blocks per day. ${WHO}`,
  })
  @ApiOkResponse({ type: WorkingPatternResponse })
  putPattern(
    @CurrentActor() actor: Actor,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() body: PutWorkingPatternDto,
  ): Promise<WorkingPatternResponse> {
    return this.workingPatterns.putPattern(actor, personId, body);
  }

  @Get('unavailability')
  @ApiOperation({ summary: "A person's one-off unavailability (a course, leave)", description: WHO })
  @ApiOkResponse({ type: UnavailabilityListResponse })
  listUnavailability(
    @CurrentActor() actor: Actor,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Query() query: UnavailabilityQuery,
  ): Promise<UnavailabilityListResponse> {
    return this.workingPatterns.listUnavailability(actor, personId, query);
  }

  @Post('unavailability')
  @ApiOperation({ summary: 'Add one-off unavailability', description: WHO })
  @ApiCreatedResponse({ type: UnavailabilityResponse })
  addUnavailability(
    @CurrentActor() actor: Actor,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() body: CreateUnavailabilityDto,
  ): Promise<UnavailabilityResponse> {
    return this.workingPatterns.addUnavailability(actor, personId, body);
  }

  @Delete('unavailability/:unavailabilityId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one-off unavailability', description: WHO })
  async removeUnavailability(
    @CurrentActor() actor: Actor,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Param('unavailabilityId', new ParseUUIDPipe()) unavailabilityId: string,
  ): Promise<void> {
    await this.workingPatterns.removeUnavailability(actor, personId, unavailabilityId);
  }
}
