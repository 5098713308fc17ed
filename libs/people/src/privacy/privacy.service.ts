import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiException } from '@leerkring/core';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log';
import { Person } from '../persons/person.entity';
import { PersonalDataRegistry } from './personal-data';

export const ERASED_NAME = { givenName: 'Verwijderde', familyNamePrefix: '', familyName: 'persoon' };

export interface PersonExport {
  exportedAt: string;
  person: {
    id: string;
    givenName: string;
    familyNamePrefix: string;
    familyName: string;
    email: string;
    language: string;
    active: boolean;
    isAdmin: boolean;
    lineManagerId: string | null;
    createdAt: string;
  };
  [section: string]: unknown;
}

/** AVG/GDPR: everything about one person, as JSON; and erasure that keeps aggregate counts. */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly audit: AuditLog,
  ) {}

  async export(actor: Actor, personId: string): Promise<PersonExport> {
    const manager = this.dataSource.manager;
    const person = await manager.findOneBy(Person, { id: personId });
    if (!person) {
      throw ApiException.notFound('The person');
    }
    const sections: Record<string, unknown> = {};
    for (const contributor of this.registry.all()) {
      sections[contributor.section] = await contributor.export(personId, manager);
    }
    await this.audit.record({
      actorPersonId: actor.personId,
      action: 'export',
      entityType: 'person',
      entityId: personId,
    });
    return {
      exportedAt: new Date().toISOString(),
      person: {
        id: person.id,
        givenName: person.givenName,
        familyNamePrefix: person.familyNamePrefix,
        familyName: person.familyName,
        email: person.email,
        language: person.language,
        active: person.active,
        isAdmin: person.isAdmin,
        lineManagerId: person.lineManagerId,
        createdAt: person.createdAt.toISOString(),
      },
      ...sections,
    };
  }

  /**
   * Anonymizes the person (name, email), signs them out, and lets every domain delete or
   * anonymize its share (confidential notes are deleted). Rows that aggregate counts rely on
   * stay, pointing at the anonymous person. One transaction: all or nothing.
   */
  async erase(actor: Actor, personId: string): Promise<{ personId: string; rowsTouched: Record<string, number> }> {
    if (actor.personId === personId) {
      throw ApiException.businessRule('cannot_erase_self', 'You cannot erase yourself', {
        detail: 'Ask another administrator.',
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const person = await manager.findOne(Person, { where: { id: personId }, lock: { mode: 'pessimistic_write' } });
      if (!person) {
        throw ApiException.notFound('The person');
      }
      const rowsTouched: Record<string, number> = {};
      for (const contributor of this.registry.all()) {
        rowsTouched[contributor.section] = await contributor.erase(personId, manager);
      }
      await manager.update(
        Person,
        { id: personId },
        {
          ...ERASED_NAME,
          email: `erased-${personId}@invalid`,
          active: false,
          isAdmin: false,
        },
      );
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'erase',
          entityType: 'person',
          entityId: personId,
          details: { rowsTouched },
        },
        manager,
      );
      return { personId, rowsTouched };
    });
  }
}
