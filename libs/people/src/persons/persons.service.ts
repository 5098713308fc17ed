import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ApiException, decodeCursor, toPage } from '@leerkring/core';
import { AccessPolicy } from '../access/access-policy';
import { rolesFor, type Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log';
import { ApiTokens } from '../auth/api-tokens';
import { Sessions } from '../auth/sessions';
import { School } from '../schools/school.entity';
import { SchoolMembership } from './membership.entity';
import {
  mapPerson,
  type CreatePersonDto,
  type MembershipDto,
  type PeopleQuery,
  type PersonResponse,
  type UpdateMeDto,
  type UpdatePersonDto,
} from './person.dto';
import { Person } from './person.entity';

/** People and their school memberships. Access check first, then the work. */
@Injectable()
export class PersonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLog,
    private readonly sessions: Sessions,
    private readonly apiTokens: ApiTokens,
  ) {}

  async list(actor: Actor, query: PeopleQuery): Promise<{ items: PersonResponse[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const scope = this.policy.peopleScope(actor);
    const builder = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('person')
      .orderBy('person.family_name')
      .addOrderBy('person.id')
      .limit(limit + 1);
    if (scope.kind === 'self') {
      builder.andWhere('person.id = :self', { self: actor.personId });
    } else if (scope.kind === 'schools') {
      builder.andWhere(
        '(person.id = :self OR EXISTS (SELECT 1 FROM school_membership m WHERE m.person_id = person.id AND m.school_id IN (:...scopeSchools)))',
        { self: actor.personId, scopeSchools: scope.schoolIds },
      );
    }
    if (query.schoolId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM school_membership f WHERE f.person_id = person.id AND f.school_id = :schoolId)',
        { schoolId: query.schoolId },
      );
    }
    if (query.q) {
      // Each word must be in the name or the email; LIKE's wildcards in the search are literal.
      query.q
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 5)
        .forEach((word, index) => {
          builder.andWhere(
            `CONCAT_WS(' ', person.given_name, person.family_name_prefix, person.family_name, person.email) LIKE :q${index}`,
            { [`q${index}`]: `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
          );
        });
    }
    const after = decodeCursor(query.cursor);
    if (after) {
      builder.andWhere('(person.family_name > :name OR (person.family_name = :name AND person.id > :id))', {
        name: after.key,
        id: after.id,
      });
    }
    const page = toPage(await builder.getMany(), limit, (person) => ({ key: person.familyName, id: person.id }));
    return { items: await this.withMemberships(page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<PersonResponse> {
    await this.policy.assertCanSeePerson(actor, id);
    const person = await this.dataSource.getRepository(Person).findOneBy({ id });
    if (!person) {
      throw ApiException.notFound('The person');
    }
    const [response] = await this.withMemberships([person]);
    return response;
  }

  async create(actor: Actor, dto: CreatePersonDto): Promise<PersonResponse> {
    const person = await this.dataSource.transaction(async (manager) => {
      const { memberships = [], ...fields } = dto;
      await this.assertEmailFree(manager, fields.email);
      const created = manager.create(Person, {
        ...fields,
        familyNamePrefix: fields.familyNamePrefix ?? '',
        lineManagerId: fields.lineManagerId ?? null,
      });
      await manager.save(created);
      if (created.lineManagerId) {
        await this.assertLineManager(manager, created.id, created.lineManagerId);
      }
      for (const membership of memberships) {
        await this.insertMembership(manager, created.id, membership);
      }
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'person',
          entityId: created.id,
          details: { memberships: memberships.length },
        },
        manager,
      );
      return created;
    });
    return this.get(actor, person.id);
  }

  async update(actor: Actor, id: string, dto: UpdatePersonDto): Promise<PersonResponse> {
    await this.dataSource.transaction(async (manager) => {
      const person = await manager.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!person) {
        throw ApiException.notFound('The person');
      }
      if (dto.email !== undefined && dto.email !== person.email) {
        await this.assertEmailFree(manager, dto.email);
      }
      if (dto.lineManagerId) {
        await this.assertLineManager(manager, id, dto.lineManagerId);
      }
      const fields = Object.keys(dto).filter((key) => dto[key as keyof UpdatePersonDto] !== undefined);
      manager.merge(Person, person, dto);
      await manager.save(person);
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'update', entityType: 'person', entityId: id, details: { fields } },
        manager,
      );
    });
    if (dto.active === false) {
      // Whoever is switched off is signed out everywhere at once.
      await this.sessions.revokeAllOf(id);
      await this.apiTokens.revokeAllOf(id);
    }
    return this.get(actor, id);
  }

  async updateMe(actor: Actor, dto: UpdateMeDto): Promise<PersonResponse> {
    const changes = {
      ...(dto.language ? { language: dto.language } : {}),
      ...(dto.remindersEnabled !== undefined ? { remindersEnabled: dto.remindersEnabled } : {}),
    };
    if (Object.keys(changes).length > 0) {
      await this.dataSource.getRepository(Person).update({ id: actor.personId }, changes);
    }
    return this.get(actor, actor.personId);
  }

  async addMembership(actor: Actor, personId: string, dto: MembershipDto): Promise<PersonResponse> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Person, { id: personId }))) {
        throw ApiException.notFound('The person');
      }
      const membership = await this.insertMembership(manager, personId, dto);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'membership',
          entityId: membership.id,
          details: { personId, schoolId: dto.schoolId, function: dto.function },
        },
        manager,
      );
    });
    return this.get(actor, personId);
  }

  async removeMembership(actor: Actor, personId: string, membershipId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const deleted = await manager.delete(SchoolMembership, { id: membershipId, personId });
      if (deleted.affected !== 1) {
        throw ApiException.notFound('The membership');
      }
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'delete',
          entityType: 'membership',
          entityId: membershipId,
          details: { personId },
        },
        manager,
      );
    });
  }

  private async insertMembership(
    manager: EntityManager,
    personId: string,
    dto: MembershipDto,
  ): Promise<SchoolMembership> {
    if (!(await manager.existsBy(School, { id: dto.schoolId }))) {
      throw ApiException.validation([{ field: 'schoolId', messages: ['no school with this id'] }]);
    }
    if (await manager.existsBy(SchoolMembership, { personId, schoolId: dto.schoolId, function: dto.function })) {
      throw ApiException.conflict('membership_exists', 'Membership already exists', {
        detail: 'This person already has this function at this school.',
      });
    }
    return manager.save(manager.create(SchoolMembership, { personId, schoolId: dto.schoolId, function: dto.function }));
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.existsBy(Person, { email })) {
      throw ApiException.conflict('email_taken', 'Email address already in use', {
        detail: 'Another person already has this email address.',
      });
    }
  }

  private async assertLineManager(manager: EntityManager, personId: string, lineManagerId: string): Promise<void> {
    if (lineManagerId === personId) {
      throw ApiException.validation([
        { field: 'lineManagerId', messages: ['a person cannot be their own line manager'] },
      ]);
    }
    if (!(await manager.existsBy(Person, { id: lineManagerId }))) {
      throw ApiException.validation([{ field: 'lineManagerId', messages: ['no person with this id'] }]);
    }
  }

  private async withMemberships(people: Person[]): Promise<PersonResponse[]> {
    if (people.length === 0) {
      return [];
    }
    const memberships = await this.dataSource
      .getRepository(SchoolMembership)
      .find({ where: { personId: In(people.map((p) => p.id)) }, order: { createdAt: 'ASC' } });
    return people.map((person) => {
      const own = memberships.filter((m) => m.personId === person.id);
      return mapPerson(person, own, [
        ...rolesFor(
          person.isAdmin,
          own.map((m) => m.function),
        ),
      ]);
    });
  }
}
