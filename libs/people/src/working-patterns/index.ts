// Working patterns' public surface: the entities, the pure availability functions, the service.
export * from './availability';
export * from './wall-clock';
export * from './working-pattern.dto';
export * from './working-pattern.entity';
export * from './working-patterns.module';
export * from './working-patterns.service';
