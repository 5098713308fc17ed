import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * One domain's share of a person's data. Every module that stores personal data registers a
 * contributor, so the export is complete and the erasure thorough without this module knowing
 * every table (coaching notes, intervision attendance, registrations arrive this way later).
 */
export interface PersonalDataContributor {
  /** Section name in the export, e.g. `sessions`, `workingPattern`. */
  readonly section: string;
  export(personId: string, manager: EntityManager): Promise<unknown>;
  /** Deletes or anonymizes this domain's data of the person; returns how many rows it touched. */
  erase(personId: string, manager: EntityManager): Promise<number>;
}

/** The contributors, registered by their modules at start-up (`onModuleInit`). */
@Injectable()
export class PersonalDataRegistry {
  private readonly contributors: PersonalDataContributor[] = [];

  register(contributor: PersonalDataContributor): void {
    if (this.contributors.some((existing) => existing.section === contributor.section)) {
      throw new Error(`personal data section "${contributor.section}" registered twice`);
    }
    this.contributors.push(contributor);
  }

  all(): readonly PersonalDataContributor[] {
    return this.contributors;
  }
}
