import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiException, ErrorCode } from '@leerkring/core';
import {
  addDays,
  CurrentActor,
  instantAtWallClock,
  isSchoolYear,
  schoolYearRange,
  schoolsOf,
  type Actor,
} from '@leerkring/people';
import {
  OrganisedMeetingsResponse,
  PlanningQuery,
  PlanningResponse,
  RegistrantNamesResponse,
  ThemeAttendanceQuery,
  ThemeAttendanceResponse,
} from './overviews.dto';
import { OverviewsRepository } from './overviews.repository';

const ZONE = 'Europe/Amsterdam';

/** Admins: every school; directors: the schools they direct; anyone else 403. */
function reportScope(actor: Actor): string[] | null {
  if (actor.isAdmin) {
    return null;
  }
  const directed = schoolsOf(actor, 'director');
  if (directed.length === 0) {
    throw new ApiException(403, ErrorCode.Forbidden, 'Overviews are for directors and admins');
  }
  return directed;
}

/**
 * Read-only overviews for the web app: a director's planning and theme meeting attendance per
 * school, an organiser's own theme meetings and the names of those who signed up.
 */
@ApiTags('overviews')
@Controller()
export class OverviewsController {
  constructor(private readonly overviews: OverviewsRepository) {}

  @Get('overviews/planning')
  @ApiOperation({
    summary: "Who coaches whom and what is planned, for a director's schools",
    description:
      'Open coaching trajectories (coach, coachee, sessions held) and the planned coaching sessions and classroom ' +
      'visits of the coming `days` (default 28). Never a question, note or observation. Directors: their schools; ' +
      'admins: every school; anyone else 403.',
  })
  @ApiOkResponse({ type: PlanningResponse })
  async planning(@CurrentActor() actor: Actor, @Query() query: PlanningQuery): Promise<PlanningResponse> {
    const schools = reportScope(actor);
    const from = new Date();
    const to = new Date(from.getTime() + (query.days ?? 28) * 86_400_000);
    const [trajectories, upcoming] = await Promise.all([
      this.overviews.openTrajectories(schools),
      this.overviews.upcoming(schools, from, to),
    ]);
    return { from: from.toISOString(), to: to.toISOString(), trajectories, upcoming };
  }

  @Get('overviews/theme-attendance')
  @ApiOperation({
    summary: 'Theme meeting attendance per school in a school year',
    description:
      'Per school: confirmed registrations of its staff, how many attended, credited hours. A person at two ' +
      'schools counts at both. Directors: their schools; admins: every school; anyone else 403.',
  })
  @ApiOkResponse({ type: ThemeAttendanceResponse })
  async themeAttendance(
    @CurrentActor() actor: Actor,
    @Query() query: ThemeAttendanceQuery,
  ): Promise<ThemeAttendanceResponse> {
    const schools = reportScope(actor);
    if (!isSchoolYear(query.schoolYear)) {
      throw ApiException.validation([{ field: 'schoolYear', messages: ['two consecutive years, e.g. 2027-2028'] }]);
    }
    const range = schoolYearRange(query.schoolYear);
    const items = await this.overviews.themeAttendance(
      schools,
      instantAtWallClock(range.from, 0, ZONE),
      instantAtWallClock(addDays(range.to, 1), 0, ZONE),
    );
    return { schoolYear: query.schoolYear, items };
  }

  @Get('me/organised-theme-meetings')
  @ApiOperation({
    summary: 'The theme meetings I organise',
    description: 'Newest first, past and cancelled ones included, with seats taken and waitlist length.',
  })
  @ApiOkResponse({ type: OrganisedMeetingsResponse })
  async organised(@CurrentActor() actor: Actor): Promise<OrganisedMeetingsResponse> {
    return { items: await this.overviews.organisedBy(actor.personId) };
  }

  @Get('theme-meetings/:id/registrant-names')
  @ApiOperation({
    summary: 'Names of everyone registered (any status)',
    description: 'For the organiser and admins, to go with the registrations and attendance; anyone else 404.',
  })
  @ApiOkResponse({ type: RegistrantNamesResponse })
  async registrantNames(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RegistrantNamesResponse> {
    const organiser = await this.overviews.organiserOf(id);
    if (organiser === null || (!actor.isAdmin && organiser !== actor.personId)) {
      throw ApiException.notFound('The theme meeting');
    }
    return { items: await this.overviews.registrantNames(id) };
  }
}
