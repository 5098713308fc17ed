import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, MoreThan, type EntityManager } from 'typeorm';
import { Person } from '../persons/person.entity';
import { Unavailability, WorkingPattern, WorkingPatternBlock } from './working-pattern.entity';

export interface StoredPattern {
  pattern: WorkingPattern | null;
  blocks: WorkingPatternBlock[];
}

export interface NewBlock {
  weekday: number;
  startTime: string;
  endTime: string;
}

/** The only code that reads and writes working patterns and unavailability. */
@Injectable()
export class WorkingPatternsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async personExists(personId: string): Promise<boolean> {
    return this.dataSource.getRepository(Person).existsBy({ id: personId });
  }

  async findPattern(personId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredPattern> {
    const pattern = await manager.findOne(WorkingPattern, { where: { personId } });
    const blocks = pattern
      ? await manager.find(WorkingPatternBlock, {
          where: { patternId: pattern.id },
          order: { weekday: 'ASC', startTime: 'ASC' },
        })
      : [];
    return { pattern, blocks };
  }

  /**
   * Replaces the whole pattern in the caller's transaction. The pattern row is created or locked
   * first (INSERT ... ON DUPLICATE KEY UPDATE), so two concurrent saves queue up instead of
   * both inserting.
   */
  async replacePattern(
    manager: EntityManager,
    personId: string,
    zone: string,
    blocks: NewBlock[],
  ): Promise<StoredPattern> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(WorkingPattern)
      .values(manager.create(WorkingPattern, { personId, zone }))
      .orUpdate(['zone'], ['person_id'])
      .execute();
    const pattern = await manager.findOneOrFail(WorkingPattern, {
      where: { personId },
      lock: { mode: 'pessimistic_write' },
    });
    await manager.update(WorkingPattern, { id: pattern.id }, { zone });
    await manager.delete(WorkingPatternBlock, { patternId: pattern.id });
    if (blocks.length > 0) {
      await manager.save(
        blocks.map((block) => manager.create(WorkingPatternBlock, { ...block, patternId: pattern.id })),
      );
    }
    return this.findPattern(personId, manager);
  }

  /** The patterns (with blocks) of many people in two queries; people without one are absent. */
  async findPatterns(personIds: readonly string[], manager: EntityManager = this.dataSource.manager) {
    const patterns = personIds.length ? await manager.findBy(WorkingPattern, { personId: In([...personIds]) }) : [];
    const blocks = patterns.length
      ? await manager.find(WorkingPatternBlock, {
          where: { patternId: In(patterns.map((pattern) => pattern.id)) },
          order: { weekday: 'ASC', startTime: 'ASC' },
        })
      : [];
    return new Map(
      patterns.map((pattern): [string, StoredPattern] => [
        pattern.personId,
        { pattern, blocks: blocks.filter((block) => block.patternId === pattern.id) },
      ]),
    );
  }

  /** Unavailability of many people that overlaps [from, to), in one query. */
  unavailabilityOf(
    personIds: readonly string[],
    from: Date,
    to: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Unavailability[]> {
    return personIds.length
      ? manager.find(Unavailability, {
          where: { personId: In([...personIds]), endsAt: MoreThan(from), startsAt: LessThan(to) },
          order: { startsAt: 'ASC' },
        })
      : Promise.resolve([]);
  }

  async listUnavailability(
    personId: string,
    from: Date,
    to: Date | undefined,
    limit: number,
  ): Promise<Unavailability[]> {
    return this.dataSource.getRepository(Unavailability).find({
      where: { personId, endsAt: MoreThan(from), ...(to ? { startsAt: LessThan(to) } : {}) },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  async findUnavailability(personId: string, id: string): Promise<Unavailability | null> {
    return this.dataSource.getRepository(Unavailability).findOne({ where: { id, personId } });
  }

  async insertUnavailability(
    manager: EntityManager,
    fields: Pick<Unavailability, 'personId' | 'startsAt' | 'endsAt' | 'zone' | 'reason'>,
  ): Promise<Unavailability> {
    return manager.save(manager.create(Unavailability, fields));
  }

  async deleteUnavailability(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Unavailability, { id });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
