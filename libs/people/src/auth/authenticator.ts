import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { buildActor, type Actor } from '../access/actor';
import type { SchoolFunction } from '../persons/membership.entity';
import type { Language } from '../persons/person.entity';
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
        const now = new Date();
        const live = this.sessions.liveSessionCondition(token, kind, now);
        const rows = await this.actorRows(
          'FROM auth_session s JOIN person p ON p.id = s.person_id',
          live.sql,
          live.params,
          's.id AS session_id, s.last_seen_at',
        );
        const actor = actorFromRows(rows, kind === 'session' ? 'session' : 'access_token');
        if (!actor) {
          return null;
        }
        const [{ session_id: sessionId, last_seen_at: lastSeenAt }] = rows;
        await this.sessions.touch(sessionId as string, new Date(lastSeenAt as Date), now);
        return { actor, sessionId: sessionId as string };
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
    return actorFromRows(await this.actorRows('FROM person p', 'p.id = ?', [personId]), credential, scopes);
  }

  /**
   * Every authenticated request asks this, so it is one round trip: the credential (when `from`
   * joins one), the active person and their memberships in one query (a person without
   * memberships gives one row with NULLs).
   */
  private actorRows(from: string, where: string, params: unknown[], extra = 'NULL AS session_id'): Promise<ActorRow[]> {
    return this.dataSource.query(
      `SELECT ${extra}, p.id, p.is_admin, p.language, m.school_id, m.function
         ${from} LEFT JOIN school_membership m ON m.person_id = p.id
        WHERE ${where} AND p.active = 1`,
      params,
    );
  }
}

function actorFromRows(rows: ActorRow[], credential: Actor['credential'], scopes?: Actor['scopes']): Actor | null {
  if (rows.length === 0) {
    return null;
  }
  const [first] = rows;
  const memberships = rows
    .filter((row) => row.school_id !== null && row.function !== null)
    .map((row) => ({ schoolId: row.school_id as string, function: row.function as SchoolFunction }));
  return buildActor(
    { id: first.id, isAdmin: Boolean(Number(first.is_admin)), language: first.language },
    memberships,
    credential,
    scopes,
  );
}

interface ActorRow {
  session_id: string | null;
  last_seen_at?: Date | string;
  id: string;
  is_admin: number | string | boolean;
  language: Language;
  school_id: string | null;
  function: string | null;
}
