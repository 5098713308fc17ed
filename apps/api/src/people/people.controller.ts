import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePersonDto,
  CurrentActor,
  MembershipDto,
  PeopleQuery,
  PersonPage,
  PersonResponse,
  PersonsService,
  PrivacyService,
  Roles,
  UpdatePersonDto,
  type Actor,
  type PersonExport,
} from '@leerkring/people';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly persons: PersonsService,
    private readonly privacy: PrivacyService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'People the caller may see',
    description: 'Admins: everyone. Directors and coaches: the people of their schools. Teachers: themselves.',
  })
  @ApiOkResponse({ type: PersonPage })
  list(@CurrentActor() actor: Actor, @Query() query: PeopleQuery): Promise<PersonPage> {
    return this.persons.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person (404 when not visible to the caller)' })
  @ApiOkResponse({ type: PersonResponse })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<PersonResponse> {
    return this.persons.get(actor, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a person (admin)' })
  @ApiCreatedResponse({ type: PersonResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePersonDto): Promise<PersonResponse> {
    return this.persons.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a person (admin); deactivating signs them out everywhere' })
  @ApiOkResponse({ type: PersonResponse })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonResponse> {
    return this.persons.update(actor, id, body);
  }

  @Post(':id/memberships')
  @Roles('admin')
  @ApiOperation({ summary: 'Give a person a function at a school (admin)' })
  @ApiCreatedResponse({ type: PersonResponse })
  addMembership(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MembershipDto,
  ): Promise<PersonResponse> {
    return this.persons.addMembership(actor, id, body);
  }

  @Delete(':id/memberships/:membershipId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'End a membership (admin)' })
  async removeMembership(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('membershipId', new ParseUUIDPipe()) membershipId: string,
  ): Promise<void> {
    await this.persons.removeMembership(actor, id, membershipId);
  }

  @Get(':id/export')
  @Roles('admin')
  @ApiOperation({
    summary: 'Everything Leerkring holds about one person, as JSON (AVG/GDPR access request; admin)',
  })
  @ApiOkResponse({ description: 'The export, one section per domain' })
  export(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<PersonExport> {
    return this.privacy.export(actor, id);
  }

  @Post(':id/erase')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase a person (AVG/GDPR; admin)',
    description:
      'Anonymizes name and email, signs them out, deletes their confidential notes and sign-in traces; aggregate counts stay.',
  })
  erase(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.privacy.erase(actor, id);
  }
}
