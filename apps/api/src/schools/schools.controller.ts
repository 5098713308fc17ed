import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@leerkring/core';
import {
  CreateSchoolDto,
  CurrentActor,
  Roles,
  SchoolPage,
  SchoolResponse,
  SchoolsService,
  UpdateSchoolDto,
  type Actor,
} from '@leerkring/people';

@ApiTags('schools')
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Get()
  @ApiOperation({ summary: 'All schools of the foundation, by name' })
  @ApiOkResponse({ type: SchoolPage })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<SchoolPage> {
    return this.schools.list(actor, query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: SchoolResponse })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<SchoolResponse> {
    return this.schools.get(actor, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a school (admin)' })
  @ApiCreatedResponse({ type: SchoolResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSchoolDto): Promise<SchoolResponse> {
    return this.schools.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: SchoolResponse })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateSchoolDto,
  ): Promise<SchoolResponse> {
    return this.schools.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a school without staff (admin); 409 while memberships point at it' })
  async remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.schools.remove(actor, id);
  }
}
