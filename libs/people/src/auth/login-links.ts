import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { ApiException, APP_CONFIG, RateLimiter, type AppConfig } from '@leerkring/core';
import { MailDispatcher } from '@leerkring/notifications';
import { AuditLog } from '../audit/audit-log';
import { Foundation } from '../foundation/foundation.entity';
import { normalizeEmail, Person } from '../persons/person.entity';
import { LOGIN_LIMIT_PER_EMAIL, LOGIN_LIMIT_PER_IP, LOGIN_LINK_TTL_MS, VERIFY_LIMIT_PER_IP } from './auth.constants';
import { LoginLink } from './auth.entities';
import { loginLinkMail } from './login-link.mail';
import { hashToken, newToken } from './tokens';

/**
 * Passwordless sign-in by mail. The request answers the same whether or not the address
 * belongs to someone; the mail goes through the notification queue, never from the request.
 */
@Injectable()
export class LoginLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimiter: RateLimiter,
    private readonly mail: MailDispatcher,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Rate-limit keys are hashes, so Redis holds no addresses. */
  private limitKey(value: string): string {
    return createHash('sha256').update(`${this.config.appSecret}:${value}`).digest('base64url').slice(0, 32);
  }

  async request(emailAddress: string, clientIp: string): Promise<void> {
    const email = normalizeEmail(emailAddress);
    await this.rateLimiter.consume(LOGIN_LIMIT_PER_IP, this.limitKey(clientIp));
    await this.rateLimiter.consume(LOGIN_LIMIT_PER_EMAIL, this.limitKey(email));
    const person = await this.dataSource.getRepository(Person).findOneBy({ email, active: true });
    if (!person) {
      return;
    }
    const token = newToken('loginLink');
    const message = await this.dataSource.transaction(async (manager) => {
      const link = await manager.save(
        manager.create(LoginLink, {
          personId: person.id,
          tokenHash: hashToken(token, this.config.appSecret),
          expiresAt: new Date(Date.now() + LOGIN_LINK_TTL_MS),
          usedAt: null,
        }),
      );
      const foundation = await manager.getRepository(Foundation).find({ order: { createdAt: 'ASC' }, take: 1 });
      return this.mail.store(
        loginLinkMail({
          loginLinkId: link.id,
          personId: person.id,
          email: person.email,
          givenName: person.givenName,
          language: person.language,
          link: `${this.config.publicUrl}/api/v1/auth/verify?token=${token}`,
          foundationName: foundation[0]?.name ?? 'Leerkring',
        }),
        manager,
      );
    });
    await this.mail.enqueue(message);
  }

  /** Uses the link up (once, before it expires) and returns whose it was. */
  async redeem(token: string, clientIp: string): Promise<string> {
    await this.rateLimiter.consume(VERIFY_LIMIT_PER_IP, this.limitKey(clientIp));
    const tokenHash = hashToken(token, this.config.appSecret);
    const now = new Date();
    const repository = this.dataSource.getRepository(LoginLink);
    // One conditional UPDATE: of two simultaneous clicks, exactly one wins.
    const used = await repository.update({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    const link = used.affected === 1 ? await repository.findOneBy({ tokenHash }) : null;
    const person = link
      ? await this.dataSource.getRepository(Person).findOneBy({ id: link.personId, active: true })
      : null;
    if (!person) {
      throw new ApiException(401, 'login_link_invalid', 'This sign-in link is expired or already used', {
        detail: 'Ask for a new sign-in link.',
      });
    }
    await this.audit.record({ actorPersonId: person.id, action: 'login', entityType: 'person', entityId: person.id });
    return person.id;
  }
}
