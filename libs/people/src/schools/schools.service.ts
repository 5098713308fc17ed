import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiException, decodeCursor, toPage } from '@leerkring/core';
import { AccessPolicy } from '../access/access-policy';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log';
import { SchoolMembership } from '../persons/membership.entity';
import { mapSchool, type CreateSchoolDto, type SchoolResponse, type UpdateSchoolDto } from './school.dto';
import { School } from './school.entity';

/** Schools: everyone signed in may read them; admins manage them. */
@Injectable()
export class SchoolsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLog,
  ) {}

  private get schools() {
    return this.dataSource.getRepository(School);
  }

  async list(
    _actor: Actor,
    limit = 50,
    cursor?: string,
  ): Promise<{ items: SchoolResponse[]; nextCursor: string | null }> {
    const query = this.schools
      .createQueryBuilder('school')
      .orderBy('school.name')
      .addOrderBy('school.id')
      .limit(limit + 1);
    const after = decodeCursor(cursor);
    if (after) {
      query.where('(school.name > :name OR (school.name = :name AND school.id > :id))', {
        name: after.key,
        id: after.id,
      });
    }
    const page = toPage(await query.getMany(), limit, (school) => ({ key: school.name, id: school.id }));
    return { items: page.items.map(mapSchool), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<SchoolResponse> {
    const school = await this.schools.findOneBy({ id });
    if (!school || !this.policy.canSeeSchool(actor, id)) {
      throw ApiException.notFound('The school');
    }
    return mapSchool(school);
  }

  async create(actor: Actor, dto: CreateSchoolDto): Promise<SchoolResponse> {
    return this.dataSource.transaction(async (manager) => {
      const school = manager.create(School, { ...dto, vestiging: dto.vestiging ?? '' });
      await this.assertBrinFree(manager.getRepository(School), school.brin, school.vestiging);
      await manager.save(school);
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'create', entityType: 'school', entityId: school.id },
        manager,
      );
      return mapSchool(school);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateSchoolDto): Promise<SchoolResponse> {
    return this.dataSource.transaction(async (manager) => {
      const school = await manager.findOne(School, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!school) {
        throw ApiException.notFound('The school');
      }
      const changed = Object.keys(dto).filter((key) => dto[key as keyof UpdateSchoolDto] !== undefined);
      manager.merge(School, school, dto);
      if (dto.brin !== undefined || dto.vestiging !== undefined) {
        await this.assertBrinFree(manager.getRepository(School), school.brin, school.vestiging, id);
      }
      await manager.save(school);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'update',
          entityType: 'school',
          entityId: id,
          details: { fields: changed },
        },
        manager,
      );
      return mapSchool(school);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const school = await manager.findOne(School, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!school) {
        throw ApiException.notFound('The school');
      }
      const members = await manager.countBy(SchoolMembership, { schoolId: id });
      if (members > 0) {
        throw ApiException.conflict('school_in_use', 'School still has staff', {
          detail: `${members} membership(s) still point at this school; move or end them first.`,
        });
      }
      await manager.delete(School, { id });
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'delete', entityType: 'school', entityId: id },
        manager,
      );
    });
  }

  private async assertBrinFree(
    repository: ReturnType<DataSource['getRepository']>,
    brin: string,
    vestiging: string,
    exceptId?: string,
  ): Promise<void> {
    const existing = (await repository.findOneBy({ brin, vestiging })) as School | null;
    if (existing && existing.id !== exceptId) {
      throw ApiException.conflict('brin_taken', 'BRIN code already in use', {
        detail: `Another school already has BRIN ${brin}${vestiging}.`,
      });
    }
  }
}
