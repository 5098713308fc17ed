import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiException, ErrorCode } from '@leerkring/core';
import { AccessPolicy } from '../access/access-policy';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log';
import { AMSTERDAM } from '../calendar/calendar-date';
import type { UnavailableRange, WeeklyPattern } from './availability';
import {
  mapUnavailability,
  mapWorkingPattern,
  type CreateUnavailabilityDto,
  type PutWorkingPatternDto,
  type UnavailabilityListResponse,
  type UnavailabilityQuery,
  type UnavailabilityResponse,
  type WorkingPatternResponse,
} from './working-pattern.dto';
import { WorkingPatternsRepository } from './working-patterns.repository';
import { checkBlocks } from './pattern-blocks';
import { weekdayOfIso } from './wall-clock';

const MAX_UNAVAILABILITY_MS = 366 * 86_400_000;
const LIST_LIMIT = 500;

/**
 * Working patterns and unavailability. A person manages their own, an admin anyone's, a
 * director may read those of the people at their schools; for anyone else the person does not
 * exist (404). Later scheduling reads them with `weeklyPattern` and `unavailabilityBetween`.
 */
/** What limits when a person can be planned. */
export interface PersonAvailability {
  zone: string;
  /** Null: no working pattern on record. */
  pattern: WeeklyPattern | null;
  unavailability: UnavailableRange[];
}

function toWeeklyPattern(blocks: readonly { weekday: number; startTime: string; endTime: string }[]): WeeklyPattern {
  return blocks.map((block) => ({
    weekday: weekdayOfIso(block.weekday),
    start: block.startTime.slice(0, 5),
    end: block.endTime.slice(0, 5),
  }));
}

@Injectable()
export class WorkingPatterns {
  constructor(
    private readonly repository: WorkingPatternsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLog,
  ) {}

  async getPattern(actor: Actor, personId: string): Promise<WorkingPatternResponse> {
    await this.assertAccess(actor, personId, 'read');
    const { pattern, blocks } = await this.repository.findPattern(personId);
    return mapWorkingPattern(personId, pattern, blocks);
  }

  /** Replaces the person's whole week. */
  async putPattern(actor: Actor, personId: string, input: PutWorkingPatternDto): Promise<WorkingPatternResponse> {
    await this.assertAccess(actor, personId, 'write');
    const checked = checkBlocks(input.blocks);
    if (!checked.ok) {
      throw ApiException.validation(checked.problems);
    }
    const blocks = checked.value;
    const zone = input.zone ?? AMSTERDAM;
    return this.repository.transaction(async (manager) => {
      const stored = await this.repository.replacePattern(manager, personId, zone, blocks);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'update',
          entityType: 'working_pattern',
          entityId: personId,
          details: { blocks: blocks.length, zone },
        },
        manager,
      );
      return mapWorkingPattern(personId, stored.pattern, stored.blocks);
    });
  }

  async listUnavailability(
    actor: Actor,
    personId: string,
    query: UnavailabilityQuery,
  ): Promise<UnavailabilityListResponse> {
    await this.assertAccess(actor, personId, 'read');
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to ? new Date(query.to) : undefined;
    if (to && to <= from) {
      throw ApiException.validation([{ field: 'to', messages: ['to must be after from'] }]);
    }
    const items = await this.repository.listUnavailability(personId, from, to, LIST_LIMIT);
    return { items: items.map(mapUnavailability) };
  }

  async addUnavailability(
    actor: Actor,
    personId: string,
    input: CreateUnavailabilityDto,
  ): Promise<UnavailabilityResponse> {
    await this.assertAccess(actor, personId, 'write');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) {
      throw ApiException.validation([{ field: 'endsAt', messages: ['endsAt must be after startsAt'] }]);
    }
    if (endsAt.getTime() - startsAt.getTime() > MAX_UNAVAILABILITY_MS) {
      throw ApiException.validation([{ field: 'endsAt', messages: ['unavailability lasts at most 366 days'] }]);
    }
    return this.repository.transaction(async (manager) => {
      const item = await this.repository.insertUnavailability(manager, {
        personId,
        startsAt,
        endsAt,
        zone: input.zone ?? AMSTERDAM,
        reason: input.reason ?? '',
      });
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'unavailability',
          entityId: item.id,
          details: { personId },
        },
        manager,
      );
      return mapUnavailability(item);
    });
  }

  async removeUnavailability(actor: Actor, personId: string, id: string): Promise<void> {
    await this.assertAccess(actor, personId, 'write');
    const item = await this.repository.findUnavailability(personId, id);
    if (!item) {
      throw ApiException.notFound('The unavailability');
    }
    await this.repository.transaction(async (manager) => {
      await this.repository.deleteUnavailability(manager, item.id);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'delete',
          entityType: 'unavailability',
          entityId: item.id,
          details: { personId },
        },
        manager,
      );
    });
  }

  /** For scheduling: the person's week and its zone (an empty week while none was set). */
  async weeklyPattern(personId: string): Promise<{ zone: string; pattern: WeeklyPattern }> {
    const { pattern, blocks } = await this.repository.findPattern(personId);
    return { zone: pattern?.zone ?? AMSTERDAM, pattern: toWeeklyPattern(blocks) };
  }

  /**
   * For scheduling: per person, their week (null when they have none on record: then nothing
   * limits when they can be planned) and their unavailability overlapping [from, to).
   */
  async availabilityOf(
    personIds: readonly string[],
    from: Date,
    to: Date,
    manager?: EntityManager,
  ): Promise<Map<string, PersonAvailability>> {
    const ids = [...new Set(personIds)];
    // One after the other: a transaction's manager runs one query at a time anyway.
    const patterns = await this.repository.findPatterns(ids, manager);
    const unavailability = await this.repository.unavailabilityOf(ids, from, to, manager);
    return new Map(
      ids.map((personId): [string, PersonAvailability] => {
        const stored = patterns.get(personId);
        return [
          personId,
          {
            zone: stored?.pattern?.zone ?? AMSTERDAM,
            pattern: stored ? toWeeklyPattern(stored.blocks) : null,
            unavailability: unavailability.filter((range) => range.personId === personId),
          },
        ];
      }),
    );
  }

  /** For scheduling: the person's unavailability that overlaps [from, to). */
  async unavailabilityBetween(personId: string, from: Date, to: Date): Promise<UnavailableRange[]> {
    return this.repository.listUnavailability(personId, from, to, 10_000);
  }

  private async assertAccess(actor: Actor, personId: string, need: 'read' | 'write'): Promise<void> {
    const level = await this.policy.canManagePersonalData(actor, personId);
    if (level === 'none' || !(await this.repository.personExists(personId))) {
      throw ApiException.notFound('The person');
    }
    if (need === 'write' && level !== 'write') {
      throw new ApiException(403, ErrorCode.Forbidden, 'Not allowed', {
        detail: 'You may read this working pattern, but only the person and admins change it.',
      });
    }
  }
}
