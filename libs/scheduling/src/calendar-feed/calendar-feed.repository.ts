import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Person, School } from '@leerkring/people';
import { CalendarFeedToken } from './calendar-feed-token.entity';

/** The only code that reads or writes `calendar_feed_token`, and the feed's appointment query. */
@Injectable()
export class CalendarFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByPerson(personId: string): Promise<CalendarFeedToken | null> {
    return this.dataSource.manager.findOneBy(CalendarFeedToken, { personId });
  }

  findByHash(tokenHash: string): Promise<CalendarFeedToken | null> {
    return this.dataSource.manager.findOneBy(CalendarFeedToken, { tokenHash });
  }

  /**
   * Sets the person's token: a first one, or a new one in place of the old (which then stops
   * working). One statement, so two concurrent requests leave exactly one token.
   */
  async upsert(id: string, personId: string, tokenHash: string, now: Date): Promise<void> {
    await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(CalendarFeedToken)
      .values({ id, personId, tokenHash, createdAt: now, lastUsedAt: null })
      .orUpdate(['token_hash', 'created_at', 'last_used_at'], ['person_id'])
      .execute();
  }

  async deleteByPerson(personId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const result = await manager.delete(CalendarFeedToken, { personId });
    return result.affected ?? 0;
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.dataSource.manager.update(CalendarFeedToken, { id }, { lastUsedAt: now });
  }

  exportOf(personId: string, manager: EntityManager): Promise<CalendarFeedToken | null> {
    return manager.findOneBy(CalendarFeedToken, { personId });
  }

  activePerson(personId: string): Promise<Person | null> {
    return this.dataSource.manager.findOneBy(Person, { id: personId, active: true });
  }

  people(ids: string[]): Promise<Person[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.dataSource.manager.findBy(Person, { id: In([...new Set(ids)]) });
  }

  schools(ids: string[]): Promise<School[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.dataSource.manager.findBy(School, { id: In([...new Set(ids)]) });
  }
}
