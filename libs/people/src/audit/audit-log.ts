import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type Repository } from 'typeorm';
import { decodeCursor, toPage } from '@leerkring/core';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  /** The person who acted; null for the system (CLI imports, retention). */
  actorPersonId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Ids, counts and names of changed fields; never confidential content. */
  details?: Record<string, unknown>;
  requestId?: string | null;
}

export interface AuditFilter {
  actorPersonId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

/** The append-only audit log. Nothing here updates or deletes. */
@Injectable()
export class AuditLog {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Records one event; pass the transaction's manager so the event commits with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    await repository.save(
      repository.create({
        actorPersonId: entry.actorPersonId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        details: entry.details ?? null,
        requestId: entry.requestId ?? null,
      }),
    );
  }

  /** Newest first, keyset-paginated. */
  async find(filter: AuditFilter): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const query = this.events
      .createQueryBuilder('event')
      .orderBy('event.id', 'DESC')
      .limit(filter.limit + 1);
    for (const [column, value] of [
      ['actor_person_id', filter.actorPersonId],
      ['entity_type', filter.entityType],
      ['entity_id', filter.entityId],
      ['action', filter.action],
    ] as const) {
      if (value !== undefined) {
        query.andWhere(`event.${column} = :${column}`, { [column]: value });
      }
    }
    if (filter.from) {
      query.andWhere('event.occurred_at >= :from', { from: filter.from });
    }
    if (filter.to) {
      query.andWhere('event.occurred_at < :to', { to: filter.to });
    }
    const position = decodeCursor(filter.cursor);
    if (position) {
      query.andWhere(new Brackets((where) => where.where('event.id < :after', { after: position.id })));
    }
    const rows = await query.getMany();
    return toPage(rows, filter.limit, (row) => ({ key: '', id: String(row.id) }));
  }
}
