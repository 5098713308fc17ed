import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, Not, type DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { MailMessage } from '@leerkring/notifications';
import { AuditLog } from '../audit/audit-log';
import { AuthSession, LoginLink } from '../auth/auth.entities';

const DAY_MS = 86_400_000;

/** A rule that deletes or blanks data past its retention period; returns the rows touched. */
export interface RetentionRule {
  name: string;
  apply(now: Date): Promise<number>;
}

/**
 * Deletes what we no longer need, run daily by the worker. Other domains add rules (e.g. the
 * confidential notes of closed trajectories after RETENTION_NOTES_MONTHS) with `addRule`.
 */
@Injectable()
export class Retention {
  private readonly rules: RetentionRule[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = [
      {
        name: 'login links used or expired over 30 days ago',
        apply: async (now) =>
          (
            await this.dataSource
              .getRepository(LoginLink)
              .delete({ expiresAt: LessThan(new Date(now.getTime() - 30 * DAY_MS)) })
          ).affected ?? 0,
      },
      {
        name: 'sessions ended over 90 days ago',
        apply: async (now) => {
          const before = new Date(now.getTime() - 90 * DAY_MS);
          const repository = this.dataSource.getRepository(AuthSession);
          const expired = await repository.delete({ expiresAt: LessThan(before) });
          const revoked = await repository.delete({ revokedAt: LessThan(before) });
          return (expired.affected ?? 0) + (revoked.affected ?? 0);
        },
      },
      {
        name: `bodies of mails sent over ${config.retention.mailDays} days ago`,
        apply: async (now) =>
          (
            await this.dataSource
              .getRepository(MailMessage)
              .update(
                { sentAt: LessThan(new Date(now.getTime() - config.retention.mailDays * DAY_MS)), bodyText: Not('') },
                { bodyText: '', bodyHtml: null, ics: null },
              )
          ).affected ?? 0,
      },
    ];
  }

  addRule(rule: RetentionRule): void {
    this.rules.push(rule);
  }

  async run(now = new Date()): Promise<Record<string, number>> {
    const touched: Record<string, number> = {};
    for (const rule of this.rules) {
      touched[rule.name] = await rule.apply(now);
    }
    await this.audit.record({ actorPersonId: null, action: 'retention', entityType: 'system', details: { touched } });
    return touched;
  }
}
