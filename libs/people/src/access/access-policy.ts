import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { ApiException } from '@leerkring/core';
import { SchoolMembership } from '../persons/membership.entity';
import { schoolsOf, type Actor } from './actor';

/** Which people an actor may see in lists: everyone, the people of some schools, or only themselves. */
export type PeopleScope = { kind: 'all' } | { kind: 'schools'; schoolIds: string[] } | { kind: 'self' };

/**
 * Relationship rules, in one place (see docs/authorization.md for the matrix).
 * - admin: everything, except confidential coaching notes (enforced where notes live);
 * - director: the people and planning of the schools they direct;
 * - coach: the people of the schools they coach at (to plan with them); their own coachees' data;
 * - teacher: their own things.
 * What an actor may not see does not exist for them: checks throw 404, never 403.
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  peopleScope(actor: Actor): PeopleScope {
    if (actor.isAdmin) {
      return { kind: 'all' };
    }
    const schoolIds = [
      ...new Set([
        ...schoolsOf(actor, 'director'),
        ...schoolsOf(
          actor,
          'werkbegeleider',
          'intern_begeleider',
          'kwaliteitscoordinator',
          'vakcoach',
          'schoolopleider',
        ),
      ]),
    ];
    return schoolIds.length > 0 ? { kind: 'schools', schoolIds } : { kind: 'self' };
  }

  async canSeePerson(actor: Actor, personId: string): Promise<boolean> {
    if (actor.personId === personId) {
      return true;
    }
    const scope = this.peopleScope(actor);
    if (scope.kind === 'all') {
      return true;
    }
    if (scope.kind === 'self') {
      return false;
    }
    return this.dataSource.getRepository(SchoolMembership).existsBy({ personId, schoolId: In(scope.schoolIds) });
  }

  async assertCanSeePerson(actor: Actor, personId: string): Promise<void> {
    if (!(await this.canSeePerson(actor, personId))) {
      throw ApiException.notFound('The person');
    }
  }

  /** Reading a person's own settings (working pattern, tokens): themselves, admins, their school's director. */
  async canManagePersonalData(actor: Actor, personId: string): Promise<'write' | 'read' | 'none'> {
    if (actor.personId === personId || actor.isAdmin) {
      return 'write';
    }
    const directed = schoolsOf(actor, 'director');
    if (
      directed.length > 0 &&
      (await this.dataSource.getRepository(SchoolMembership).existsBy({ personId, schoolId: In(directed) }))
    ) {
      return 'read';
    }
    return 'none';
  }

  canSeeSchool(actor: Actor, schoolId: string): boolean {
    // School names and addresses are not personal data: everyone signed in may see them.
    return Boolean(actor && schoolId);
  }

  canManageSchools(actor: Actor): boolean {
    return actor.isAdmin;
  }
}
