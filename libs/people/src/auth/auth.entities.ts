import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';

/** A single-use login link, sent by mail. Only the token's hash is stored. */
@Entity('login_link')
@Index('uq_login_link_token', ['tokenHash'], { unique: true })
@Index('ix_login_link_person', ['personId', 'createdAt'])
export class LoginLink extends UuidEntity {
  @IdColumn('person_id')
  personId!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash!: string;

  @InstantColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @InstantColumn({ name: 'used_at', nullable: true })
  usedAt!: Date | null;
}

export const SESSION_KINDS = ['cookie', 'bearer'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * A signed-in session. Cookie sessions carry one secret (the cookie). Bearer sessions carry a
 * short-lived access token and a refresh token that rotates on every use; presenting an old
 * refresh token again means it leaked, and revokes the session.
 */
@Entity('auth_session')
@Index('uq_auth_session_secret', ['secretHash'], { unique: true })
@Index('uq_auth_session_access', ['accessHash'], { unique: true })
@Index('ix_auth_session_previous', ['previousSecretHash'])
@Index('ix_auth_session_person', ['personId'])
export class AuthSession extends UuidEntity {
  @IdColumn('person_id')
  personId!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: SessionKind;

  /** How the person signed in: `magic_link` now; e.g. `oidc:entra` when OpenID Connect arrives. */
  @Column({ type: 'varchar', length: 40 })
  method!: string;

  /** The cookie (cookie sessions) or the current refresh token (bearer sessions), hashed. */
  @Column({ name: 'secret_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  secretHash!: string;

  @Column({
    name: 'previous_secret_hash',
    type: 'char',
    length: 64,
    charset: 'ascii',
    collation: 'ascii_bin',
    nullable: true,
  })
  previousSecretHash!: string | null;

  @Column({ name: 'access_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  accessHash!: string | null;

  @InstantColumn({ name: 'access_expires_at', nullable: true })
  accessExpiresAt!: Date | null;

  /** The session ends here at the latest, however active. */
  @InstantColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @InstantColumn({ name: 'last_seen_at' })
  lastSeenAt!: Date;

  @InstantColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}

/** A personal API token for integrations: hashed, scoped, revocable, optionally expiring. */
@Entity('api_token')
@Index('uq_api_token_hash', ['tokenHash'], { unique: true })
@Index('ix_api_token_person', ['personId'])
export class ApiToken extends UuidEntity {
  @IdColumn('person_id')
  personId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash!: string;

  /** Comma-separated: read, write. */
  @Column({ type: 'varchar', length: 100 })
  scopes!: string;

  @InstantColumn({ name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @InstantColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @InstantColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
