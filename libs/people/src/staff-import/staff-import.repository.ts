import type { EntityManager } from 'typeorm';
import { chunked } from '@leerkring/core';
import type { Language } from '../persons/person.entity';
import type { SchoolRef } from './school-directory';
import { membershipKey, type PersonWrite, type PlannedMembership, type StoredPerson } from './staff-import.planner';

/** Rows per multi-row statement: few round trips, far below the placeholder limit. */
export const STAFF_IMPORT_BATCH_SIZE = 500;

/** Emails or ids per `IN (...)` lookup. */
const LOOKUP_BATCH_SIZE = 1_000;

/** Person columns the import may overwrite on an existing person (given and family name always). */
export type PersonUpdateColumn = 'family_name_prefix' | 'language' | 'active' | 'line_manager_id';

const placeholders = (count: number, width = 1): string =>
  Array.from({ length: count }, () =>
    width === 1 ? '?' : `(${Array.from({ length: width }, () => '?').join(', ')})`,
  ).join(', ');

interface PersonRow {
  id: string;
  email: string;
  givenName: string;
  familyNamePrefix: string;
  familyName: string;
  language: Language;
  active: number | boolean;
  lineManagerId: string | null;
}

/**
 * The staff import's reads and writes, on one entity manager (the import's transaction, or the
 * plain manager for a dry run). Writes are multi-row statements on the natural keys: person
 * (email), membership (person, school, function).
 */
export class StaffImportRepository {
  constructor(private readonly manager: EntityManager) {}

  findSchools(): Promise<SchoolRef[]> {
    return this.manager.query('SELECT id, brin, vestiging FROM school');
  }

  /** Keyed by the normalized email (the column compares case-insensitively). */
  async findPeopleByEmail(emails: readonly string[]): Promise<Map<string, StoredPerson>> {
    const found = new Map<string, StoredPerson>();
    for (const batch of chunked(emails, LOOKUP_BATCH_SIZE)) {
      const rows: PersonRow[] = await this.manager.query(
        `SELECT id, email, given_name AS givenName, family_name_prefix AS familyNamePrefix, family_name AS familyName,
                language, active, line_manager_id AS lineManagerId
           FROM person WHERE email IN (${placeholders(batch.length)})`,
        batch,
      );
      for (const row of rows) {
        const email = row.email.trim().toLowerCase();
        found.set(email, { ...row, email, active: Boolean(Number(row.active)) });
      }
    }
    return found;
  }

  /** `personId|schoolId|function` of every membership of these people. */
  async findMembershipKeys(personIds: readonly string[]): Promise<Set<string>> {
    const keys = new Set<string>();
    for (const batch of chunked(personIds, LOOKUP_BATCH_SIZE)) {
      const rows: Array<Pick<PlannedMembership, 'personId' | 'schoolId' | 'function'>> = await this.manager.query(
        `SELECT person_id AS personId, school_id AS schoolId, \`function\`
           FROM school_membership WHERE person_id IN (${placeholders(batch.length)})`,
        batch,
      );
      rows.forEach((row) => keys.add(membershipKey(row)));
    }
    return keys;
  }

  /** Inserts new people and updates changed ones, by email, a batch per statement. */
  async upsertPeople(
    rows: readonly PersonWrite[],
    updateColumns: readonly PersonUpdateColumn[],
    onBatch: (written: number) => void = () => undefined,
  ): Promise<void> {
    const update = ['given_name', 'family_name', ...updateColumns].map((column) => `${column} = VALUES(${column})`);
    for (const batch of chunked(rows, STAFF_IMPORT_BATCH_SIZE)) {
      await this.manager.query(
        `INSERT INTO person (id, email, given_name, family_name_prefix, family_name, language, active, line_manager_id)
         VALUES ${placeholders(batch.length, 8)}
         ON DUPLICATE KEY UPDATE ${update.join(', ')}`,
        batch.flatMap((row) => [
          row.id,
          row.email,
          row.givenName,
          row.familyNamePrefix,
          row.familyName,
          row.language,
          row.active,
          row.lineManagerId,
        ]),
      );
      onBatch(batch.length);
    }
  }

  /** Points people at their line managers (who must be stored by now). */
  async setLineManagers(rows: ReadonlyArray<{ id: string; lineManagerId: string }>): Promise<void> {
    for (const batch of chunked(rows, STAFF_IMPORT_BATCH_SIZE)) {
      await this.manager.query(
        `UPDATE person SET line_manager_id = CASE id ${batch.map(() => 'WHEN ? THEN ?').join(' ')} END
          WHERE id IN (${placeholders(batch.length)})`,
        [...batch.flatMap((row) => [row.id, row.lineManagerId]), ...batch.map((row) => row.id)],
      );
    }
  }

  /**
   * Adds memberships; one that exists already (a concurrent change) is left as it is. Not
   * INSERT IGNORE: that would also turn a missing person or school into a silent warning.
   */
  async insertMemberships(
    rows: readonly PlannedMembership[],
    onBatch: (written: number) => void = () => undefined,
  ): Promise<void> {
    for (const batch of chunked(rows, STAFF_IMPORT_BATCH_SIZE)) {
      await this.manager.query(
        `INSERT INTO school_membership (id, person_id, school_id, \`function\`)
         VALUES ${placeholders(batch.length, 4)}
         ON DUPLICATE KEY UPDATE id = id`,
        batch.flatMap((row) => [row.id, row.personId, row.schoolId, row.function]),
      );
      onBatch(batch.length);
    }
  }
}
