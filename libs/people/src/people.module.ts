import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Foundation } from './foundation/foundation.entity';
import { SchoolMembership } from './persons/membership.entity';
import { Person } from './persons/person.entity';
import { School } from './schools/school.entity';

export const PEOPLE_ENTITIES = [Foundation, School, Person, SchoolMembership];

/** Schools, people and memberships. Services and controllers arrive with the people issue. */
@Module({
  imports: [TypeOrmModule.forFeature(PEOPLE_ENTITIES)],
  exports: [TypeOrmModule],
})
export class PeopleModule {}
