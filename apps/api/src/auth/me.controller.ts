import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiTokens, CurrentActor, PersonResponse, PersonsService, UpdateMeDto, type Actor } from '@leerkring/people';
import type { ApiToken } from '@leerkring/people';
import { ApiTokenResponse, CreateApiTokenDto, NewApiTokenResponse } from './auth.dto';

function mapApiToken(token: ApiToken): ApiTokenResponse {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes.split(',').filter(Boolean) as ApiTokenResponse['scopes'],
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly persons: PersonsService,
    private readonly apiTokens: ApiTokens,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Who am I: profile, roles and memberships' })
  @ApiOkResponse({ type: PersonResponse })
  me(@CurrentActor() actor: Actor): Promise<PersonResponse> {
    return this.persons.get(actor, actor.personId);
  }

  @Patch()
  @ApiOperation({ summary: 'Change my own settings (language)' })
  @ApiOkResponse({ type: PersonResponse })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto): Promise<PersonResponse> {
    return this.persons.updateMe(actor, body);
  }

  @Get('api-tokens')
  @ApiOperation({ summary: 'My personal API tokens (never the secrets)' })
  @ApiOkResponse({ type: [ApiTokenResponse] })
  async tokens(@CurrentActor() actor: Actor): Promise<ApiTokenResponse[]> {
    return (await this.apiTokens.list(actor.personId)).map(mapApiToken);
  }

  @Post('api-tokens')
  @ApiOperation({ summary: 'Create a personal API token for an integration; the secret is shown once' })
  @ApiCreatedResponse({ type: NewApiTokenResponse })
  async createToken(@CurrentActor() actor: Actor, @Body() body: CreateApiTokenDto): Promise<NewApiTokenResponse> {
    const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
    const created = await this.apiTokens.create(actor.personId, body.name, body.scopes, expiresAt);
    return { ...mapApiToken(created.token), token: created.secret };
  }

  @Delete('api-tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of my API tokens' })
  @ApiNoContentResponse()
  async revokeToken(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.apiTokens.revoke(actor.personId, id);
  }
}
