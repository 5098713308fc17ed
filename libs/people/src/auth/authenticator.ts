import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { buildActor, type Actor } from '../access/actor';
import { SchoolMembership } from '../persons/membership.entity';
import { Person } from '../persons/person.entity';
import { ApiTokens, scopesOf } from './api-tokens';
import { Sessions } from './sessions';
import { tokenKind } from './tokens';

export interface Authenticated {
  actor: Actor;
  /** Set for session credentials, so logout can end exactly this session. */
  sessionId?: string;
}

/**
 * Turns a presented credential (session cookie, access token, personal API token) into the
 * Actor of the request, or null. An inactive person has no valid credentials.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly sessions: Sessions,
    private readonly apiTokens: ApiTokens,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async authenticate(token: string): Promise<Authenticated | null> {
    switch (tokenKind(token)) {
      case 'session':
      case 'access': {
        const kind = tokenKind(token) === 'session' ? 'session' : 'access';
        const session = await this.sessions.authenticate(token, kind);
        const actor =
          session && (await this.actorFor(session.personId, kind === 'session' ? 'session' : 'access_token'));
        return actor ? { actor, sessionId: session.id } : null;
      }
      case 'apiToken': {
        const apiToken = await this.apiTokens.authenticate(token);
        const actor = apiToken && (await this.actorFor(apiToken.personId, 'api_token', scopesOf(apiToken)));
        return actor ? { actor } : null;
      }
      default:
        return null;
    }
  }

  async actorFor(personId: string, credential: Actor['credential'], scopes?: Actor['scopes']): Promise<Actor | null> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: personId, active: true });
    if (!person) {
      return null;
    }
    const memberships = await this.dataSource.getRepository(SchoolMembership).findBy({ personId });
    return buildActor(person, memberships, credential, scopes);
  }
}
