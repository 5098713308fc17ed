export * from './foundation/foundation.entity';
export * from './persons/membership.entity';
export * from './persons/person.entity';
export * from './schools/school.entity';
export * from './people.module';
