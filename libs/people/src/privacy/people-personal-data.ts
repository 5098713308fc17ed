import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MailMessage } from '@leerkring/notifications';
import { AuditEvent } from '../audit/audit-event.entity';
import { ApiToken, AuthSession, LoginLink } from '../auth/auth.entities';
import { SchoolMembership } from '../persons/membership.entity';
import { PersonalDataRegistry, type PersonalDataContributor } from './personal-data';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** This library's own tables: memberships, sign-in traces, mails, and audit entries about the person. */
@Injectable()
export class PeoplePersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    const contributors: PersonalDataContributor[] = [
      {
        section: 'memberships',
        export: async (personId, manager) =>
          (await manager.findBy(SchoolMembership, { personId })).map((m) => ({
            schoolId: m.schoolId,
            function: m.function,
            since: iso(m.createdAt),
          })),
        // Memberships stay (anonymously) so counts per school remain right.
        erase: async () => 0,
      },
      {
        section: 'signIn',
        export: async (personId, manager) => ({
          sessions: (await manager.findBy(AuthSession, { personId })).map((s) => ({
            kind: s.kind,
            method: s.method,
            startedAt: iso(s.createdAt),
            lastSeenAt: iso(s.lastSeenAt),
            endedAt: iso(s.revokedAt),
          })),
          apiTokens: (await manager.findBy(ApiToken, { personId })).map((t) => ({
            name: t.name,
            scopes: t.scopes,
            createdAt: iso(t.createdAt),
            lastUsedAt: iso(t.lastUsedAt),
            revokedAt: iso(t.revokedAt),
          })),
          loginLinksRequested: await manager.countBy(LoginLink, { personId }),
        }),
        erase: async (personId, manager) => {
          const results = await Promise.all([
            manager.delete(LoginLink, { personId }),
            manager.delete(AuthSession, { personId }),
            manager.delete(ApiToken, { personId }),
          ]);
          return results.reduce((sum, result) => sum + (result.affected ?? 0), 0);
        },
      },
      {
        section: 'mails',
        export: async (personId, manager) =>
          (await manager.findBy(MailMessage, { recipientPersonId: personId })).map((mail) => ({
            kind: mail.kind,
            subject: mail.subject,
            status: mail.status,
            createdAt: iso(mail.createdAt),
            sentAt: iso(mail.sentAt),
          })),
        erase: async (personId, manager) =>
          (
            await manager.update(
              MailMessage,
              { recipientPersonId: personId },
              { toAddress: 'erased@invalid', subject: '', bodyText: '', bodyHtml: null, ics: null },
            )
          ).affected ?? 0,
      },
      {
        section: 'auditTrail',
        export: async (personId, manager) =>
          (
            await manager.find(AuditEvent, {
              where: [{ actorPersonId: personId }, { entityId: personId }],
              order: { id: 'ASC' },
            })
          ).map((event) => ({
            at: iso(event.occurredAt),
            action: event.action,
            entityType: event.entityType,
            entityId: event.entityId,
            byThisPerson: event.actorPersonId === personId,
          })),
        // The audit log is append-only and holds ids, not names: it stays.
        erase: async () => 0,
      },
    ];
    contributors.forEach((contributor) => this.registry.register(contributor));
  }
}
