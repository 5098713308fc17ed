import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ApiException, APP_CONFIG, type AppConfig } from '@leerkring/core';
import type { ApiScope } from '../access/actor';
import { ApiToken } from './auth.entities';
import { hashToken, newToken } from './tokens';

const LAST_USED_RESOLUTION_MS = 60_000;

export interface NewApiToken {
  token: ApiToken;
  /** Shown once, at creation; only its hash is kept. */
  secret: string;
}

/** Personal API tokens for integrations: each person manages their own. */
@Injectable()
export class ApiTokens {
  constructor(
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(personId: string, name: string, scopes: ApiScope[], expiresAt: Date | null): Promise<NewApiToken> {
    const secret = newToken('apiToken');
    const token = await this.tokens.save(
      this.tokens.create({
        personId,
        name,
        tokenHash: hashToken(secret, this.config.appSecret),
        scopes: [...new Set(scopes)].sort().join(','),
        expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    return { token, secret };
  }

  list(personId: string): Promise<ApiToken[]> {
    return this.tokens.find({ where: { personId }, order: { createdAt: 'DESC' } });
  }

  async revoke(personId: string, tokenId: string): Promise<void> {
    const result = await this.tokens.update({ id: tokenId, personId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (result.affected !== 1 && !(await this.tokens.existsBy({ id: tokenId, personId }))) {
      throw ApiException.notFound('The API token');
    }
  }

  async revokeAllOf(personId: string): Promise<void> {
    await this.tokens.update({ personId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The live token behind a secret, or null. */
  async authenticate(secret: string): Promise<ApiToken | null> {
    const now = new Date();
    const token = await this.tokens.findOneBy({
      tokenHash: hashToken(secret, this.config.appSecret),
      revokedAt: IsNull(),
    });
    if (!token || (token.expiresAt && token.expiresAt <= now)) {
      return null;
    }
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.update({ id: token.id }, { lastUsedAt: now });
    }
    return token;
  }
}

export function scopesOf(token: ApiToken): Set<ApiScope> {
  return new Set(token.scopes.split(',').filter(Boolean) as ApiScope[]);
}
