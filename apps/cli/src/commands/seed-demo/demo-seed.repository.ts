import { In, type EntityManager } from 'typeorm';
import { Foundation, Person, School, SchoolMembership, type Language, type SchoolFunction } from '@leerkring/people';
import type { DemoSchool } from './demo-schools';
import { chunked } from '@leerkring/core';

export type SchoolRow = DemoSchool & { id: string };

export interface PersonRow {
  id: string;
  email: string;
  givenName: string;
  familyNamePrefix: string;
  familyName: string;
  language: Language;
  isAdmin: boolean;
  lineManagerId: string | null;
}

export interface MembershipRow {
  id: string;
  personId: string;
  schoolId: string;
  function: SchoolFunction;
}

/** Rows per multi-row INSERT: a few round trips for the whole staff, well below placeholder limits. */
const BATCH_SIZE = 100;

/**
 * The seed's reads and writes, on the manager of the seed's own connection (inside its lock and
 * transaction). Writes are multi-row upserts on the natural keys: school (brin, vestiging),
 * person (email), membership (person, school, function).
 */
export class DemoSeedRepository {
  constructor(private readonly manager: EntityManager) {}

  findFoundations(): Promise<Foundation[]> {
    return this.manager.find(Foundation, { order: { createdAt: 'ASC' } });
  }

  async insertFoundation(id: string, name: string): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(Foundation)
      .values({ id, name })
      .updateEntity(false)
      .execute();
  }

  findSchools(brins: string[]): Promise<School[]> {
    return this.manager.find(School, { where: { brin: In(brins) } });
  }

  async upsertSchools(rows: SchoolRow[]): Promise<void> {
    for (const batch of chunked(rows, BATCH_SIZE)) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(School)
        .values(batch)
        .orUpdate(['name', 'sector', 'holiday_region', 'street', 'postal_code', 'city'], ['brin', 'vestiging'])
        .updateEntity(false)
        .execute();
    }
  }

  findPeople(emails: string[]): Promise<Person[]> {
    return emails.length === 0 ? Promise.resolve([]) : this.manager.find(Person, { where: { email: In(emails) } });
  }

  /** Writes in the given order, so a line manager is stored before the people who report to them. */
  async upsertPeople(rows: PersonRow[], onBatch: (written: number) => void = () => undefined): Promise<void> {
    for (const batch of chunked(rows, BATCH_SIZE)) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(Person)
        .values(batch)
        .orUpdate(
          ['given_name', 'family_name_prefix', 'family_name', 'language', 'is_admin', 'line_manager_id'],
          ['email'],
        )
        .updateEntity(false)
        .execute();
      onBatch(batch.length);
    }
  }

  findMemberships(personIds: string[]): Promise<SchoolMembership[]> {
    return personIds.length === 0
      ? Promise.resolve([])
      : this.manager.find(SchoolMembership, { where: { personId: In(personIds) } });
  }

  async insertMemberships(rows: MembershipRow[]): Promise<void> {
    for (const batch of chunked(rows, BATCH_SIZE)) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(SchoolMembership)
        .values(batch)
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }
}
