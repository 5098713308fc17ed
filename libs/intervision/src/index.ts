export * from './case-presenter';
export * from './common-slot-finder';
export * from './common-slots';
export * from './intervision.dto';
export * from './intervision.entities';
export * from './intervision.module';
export * from './intervision.service';
export * from './series-expansion';
