import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ApiException, chunked, ErrorCode, inLockedTransaction, NamedLockTimeout } from '@leerkring/core';
import { School } from '../schools/school.entity';
import type { CalendarDate } from './calendar-date';
import { sameDraft, type ClosureDraft } from './closure-draft';
import type { CalendarSchool } from './closure-rules';
import { Closure, type ClosureKind, type ClosureSource } from './closure.entity';

/** What an import did. Importing the same input twice gives `created: 0, updated: 0, removed: 0`. */
export interface ClosureChanges {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/**
 * Rows of `source` with these kinds in these school years that the import does not mention are
 * removed: a Rijksoverheid file is the whole truth for the school years it covers.
 */
export interface ClosureSync {
  source: ClosureSource;
  kinds: ClosureKind[];
  schoolYears: string[];
}

/**
 * Rows of `source` for this school that the import does not mention are removed: a school's
 * calendar feed is the whole truth for the study days it brought.
 */
export interface ClosureReplace {
  source: ClosureSource;
  schoolId: string;
}

const CHUNK = 500;
const IMPORT_LOCK = 'leerkring:closure-import';
const IMPORT_LOCK_TIMEOUT_S = 15;

/**
 * Stores drafts by (source, sourceKey): new keys are inserted, changed rows updated, equal rows
 * left alone (their `updated_at` stays), then `cancelledKeys` and, with `sync`, the rows the
 * input no longer mentions are deleted. Runs in the caller's transaction.
 */
export async function upsertClosures(
  manager: EntityManager,
  drafts: readonly ClosureDraft[],
  options: {
    sync?: ClosureSync;
    replace?: ClosureReplace;
    cancelledKeys?: Array<{ source: ClosureSource; sourceKey: string }>;
  } = {},
): Promise<ClosureChanges> {
  const changes: ClosureChanges = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  const repository = manager.getRepository(Closure);
  const bySource = new Map<ClosureSource, ClosureDraft[]>();
  for (const draft of drafts) {
    const group = bySource.get(draft.source) ?? [];
    group.push(draft);
    bySource.set(draft.source, group);
  }
  for (const [source, group] of bySource) {
    const existing = new Map<string, Closure>();
    for (const keys of chunked(
      group.map((draft) => draft.sourceKey),
      CHUNK,
    )) {
      for (const row of await repository.find({ where: { source, sourceKey: In(keys) } })) {
        existing.set(row.sourceKey, row);
      }
    }
    const inserts: Closure[] = [];
    for (const draft of group) {
      const row = existing.get(draft.sourceKey);
      if (!row) {
        inserts.push(repository.create({ ...draft }));
      } else if (!sameDraft(draft, row)) {
        await repository.update(
          { id: row.id },
          {
            kind: draft.kind,
            name: draft.name,
            startDate: draft.startDate,
            endDate: draft.endDate,
            scope: draft.scope,
            region: draft.region,
            schoolId: draft.schoolId,
            schoolYear: draft.schoolYear,
          },
        );
        changes.updated += 1;
      } else {
        changes.unchanged += 1;
      }
    }
    for (const batch of chunked(inserts, CHUNK)) {
      await repository.save(batch);
      changes.created += batch.length;
    }
  }
  for (const { source, sourceKey } of options.cancelledKeys ?? []) {
    const result = await repository.delete({ source, sourceKey });
    changes.removed += result.affected ?? 0;
  }
  const sync = options.sync;
  if (sync && sync.schoolYears.length > 0 && sync.kinds.length > 0) {
    const kept = new Set(drafts.filter((draft) => draft.source === sync.source).map((draft) => draft.sourceKey));
    const candidates = await repository.find({
      select: { id: true, sourceKey: true },
      where: { source: sync.source, kind: In(sync.kinds), schoolYear: In(sync.schoolYears) },
    });
    const staleIds = candidates.filter((row) => !kept.has(row.sourceKey)).map((row) => row.id);
    for (const ids of chunked(staleIds, CHUNK)) {
      const result = await repository.delete({ id: In(ids) });
      changes.removed += result.affected ?? 0;
    }
  }
  const replace = options.replace;
  if (replace) {
    const kept = new Set(drafts.filter((draft) => draft.source === replace.source).map((draft) => draft.sourceKey));
    const candidates = await repository.find({
      select: { id: true, sourceKey: true },
      where: { source: replace.source, schoolId: replace.schoolId },
    });
    const staleIds = candidates.filter((row) => !kept.has(row.sourceKey)).map((row) => row.id);
    for (const ids of chunked(staleIds, CHUNK)) {
      const result = await repository.delete({ id: In(ids) });
      changes.removed += result.affected ?? 0;
    }
  }
  return changes;
}

/** The only code that reads and writes `closure` rows (and reads a school's holiday region). */
@Injectable()
export class ClosureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findSchool(schoolId: string, manager: EntityManager = this.dataSource.manager): Promise<CalendarSchool | null> {
    return manager.getRepository(School).findOne({
      select: { id: true, holidayRegion: true },
      where: { id: schoolId },
    });
  }

  /** Closures that may apply to the school and share a day with [from, to]; the rules decide. */
  async findForSchool(
    school: CalendarSchool,
    from: CalendarDate,
    to: CalendarDate,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Closure[]> {
    return this.forSchool(manager.getRepository(Closure).createQueryBuilder('closure'), school)
      .andWhere('closure.end_date >= :from AND closure.start_date <= :to', { from, to })
      .orderBy('closure.start_date', 'ASC')
      .addOrderBy('closure.end_date', 'ASC')
      .addOrderBy('closure.id', 'ASC')
      .getMany();
  }

  async findOne(id: string): Promise<Closure | null> {
    return this.dataSource.getRepository(Closure).findOne({ where: { id } });
  }

  async insert(draft: ClosureDraft & { id?: string }): Promise<Closure> {
    const repository = this.dataSource.getRepository(Closure);
    return repository.save(repository.create(draft));
  }

  async update(id: string, fields: Partial<Pick<Closure, 'kind' | 'name' | 'startDate' | 'endDate' | 'schoolYear'>>) {
    await this.dataSource.getRepository(Closure).update({ id }, fields);
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.getRepository(Closure).delete({ id });
  }

  /**
   * Runs an import in one transaction, one import at a time across every API process (a MySQL
   * named lock, held until after the commit), so two concurrent imports of the same file
   * cannot both insert a row.
   */
  async importExclusively<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await inLockedTransaction(this.dataSource, IMPORT_LOCK, IMPORT_LOCK_TIMEOUT_S, work);
    } catch (error) {
      if (error instanceof NamedLockTimeout) {
        throw ApiException.conflict(ErrorCode.Conflict, 'Another calendar import is running', {
          detail: 'Another calendar import is running. Try again in a moment.',
        });
      }
      throw error;
    }
  }

  private forSchool(query: SelectQueryBuilder<Closure>, school: CalendarSchool): SelectQueryBuilder<Closure> {
    return query.where(
      new Brackets((scope) =>
        scope
          .where("closure.scope = 'national'")
          .orWhere("closure.scope = 'region' AND closure.region = :region", { region: school.holidayRegion })
          .orWhere("closure.scope = 'school' AND closure.school_id = :schoolId", { schoolId: school.id }),
      ),
    );
  }
}
