export * from './intervision.entities';
export * from './series-expansion';
