import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ApiException, APP_CONFIG, ErrorCode, type AppConfig } from '@leerkring/core';
import { ACCESS_TOKEN_TTL_MS, SESSION_MAX_AGE_MS } from './auth.constants';
import { AuthSession, type SessionKind } from './auth.entities';
import { hashToken, newToken } from './tokens';

export type StartedSession =
  | { kind: 'cookie'; sessionId: string; sessionToken: string; expiresAt: Date }
  | {
      kind: 'bearer';
      sessionId: string;
      accessToken: string;
      accessTokenExpiresAt: Date;
      refreshToken: string;
      expiresAt: Date;
    };

const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Signed-in sessions, whatever the way in (magic link now; OpenID Connect later only calls
 * `start` with another `method`).
 */
@Injectable()
export class Sessions {
  constructor(
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private hash(token: string): string {
    return hashToken(token, this.config.appSecret);
  }

  async start(personId: string, kind: SessionKind, method: string): Promise<StartedSession> {
    const now = Date.now();
    const expiresAt = new Date(now + SESSION_MAX_AGE_MS);
    if (kind === 'cookie') {
      const sessionToken = newToken('session');
      const session = await this.sessions.save(
        this.sessions.create({
          personId,
          kind,
          method,
          secretHash: this.hash(sessionToken),
          previousSecretHash: null,
          accessHash: null,
          accessExpiresAt: null,
          expiresAt,
          lastSeenAt: new Date(now),
          revokedAt: null,
        }),
      );
      return { kind, sessionId: session.id, sessionToken, expiresAt };
    }
    const accessToken = newToken('access');
    const refreshToken = newToken('refresh');
    const accessTokenExpiresAt = new Date(now + ACCESS_TOKEN_TTL_MS);
    const session = await this.sessions.save(
      this.sessions.create({
        personId,
        kind,
        method,
        secretHash: this.hash(refreshToken),
        previousSecretHash: null,
        accessHash: this.hash(accessToken),
        accessExpiresAt: accessTokenExpiresAt,
        expiresAt,
        lastSeenAt: new Date(now),
        revokedAt: null,
      }),
    );
    return { kind, sessionId: session.id, accessToken, accessTokenExpiresAt, refreshToken, expiresAt };
  }

  /**
   * The SQL condition (on `auth_session` aliased `s`) that picks the live session a cookie or
   * access token belongs to, for the Authenticator to join with the person in one round trip.
   */
  liveSessionCondition(token: string, kind: 'session' | 'access', now: Date): { sql: string; params: unknown[] } {
    return kind === 'session'
      ? {
          sql: "s.secret_hash = ? AND s.kind = 'cookie' AND s.revoked_at IS NULL AND s.expires_at > ?",
          params: [this.hash(token), now],
        }
      : {
          sql: 's.access_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND s.access_expires_at > ?',
          params: [this.hash(token), now, now],
        };
  }

  /** Records that a session was used, at most once a minute (a write on every request would be waste). */
  async touch(sessionId: string, lastSeenAt: Date, now: Date): Promise<void> {
    if (now.getTime() - lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.sessions.update({ id: sessionId }, { lastSeenAt: now });
    }
  }

  /**
   * Swaps a refresh token for a new access and refresh token. An old refresh token presented
   * again means someone else has a copy: the whole session is revoked.
   */
  async refresh(refreshToken: string): Promise<StartedSession & { kind: 'bearer' }> {
    const presented = this.hash(refreshToken);
    const now = new Date();
    const session = await this.sessions.findOneBy({ secretHash: presented, kind: 'bearer' });
    if (!session || session.revokedAt || session.expiresAt <= now) {
      const reused = await this.sessions.findOneBy({ previousSecretHash: presented, revokedAt: IsNull() });
      if (reused) {
        await this.sessions.update({ id: reused.id }, { revokedAt: now });
      }
      throw new ApiException(401, ErrorCode.Unauthenticated, 'Refresh token not valid', {
        detail: reused ? 'This refresh token was already used; the session has been ended for safety.' : undefined,
      });
    }
    const accessToken = newToken('access');
    const nextRefresh = newToken('refresh');
    const accessTokenExpiresAt = new Date(now.getTime() + ACCESS_TOKEN_TTL_MS);
    // Conditional on the presented token still being current: of two racing refreshes, one wins.
    const rotated = await this.sessions.update(
      { id: session.id, secretHash: presented },
      {
        secretHash: this.hash(nextRefresh),
        previousSecretHash: presented,
        accessHash: this.hash(accessToken),
        accessExpiresAt: accessTokenExpiresAt,
        lastSeenAt: now,
      },
    );
    if (rotated.affected !== 1) {
      throw new ApiException(401, ErrorCode.Unauthenticated, 'Refresh token not valid');
    }
    return {
      kind: 'bearer',
      sessionId: session.id,
      accessToken,
      accessTokenExpiresAt,
      refreshToken: nextRefresh,
      expiresAt: session.expiresAt,
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of a person (deactivation, erasure). */
  async revokeAllOf(personId: string): Promise<void> {
    await this.sessions.update({ personId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
