export * from './coaching-context';
export * from './coaching.dto';
export * from './coaching.entities';
export * from './coaching.module';
export * from './notes/note-cipher';
export * from './reports/coaching-reports.service';
export * from './trajectories/trajectories.service';
export * from './visits/visits.service';
