import { Module } from '@nestjs/common';
import { PeopleModule } from '../people.module';
import { WorkingPatterns } from './working-patterns.service';
import { WorkingPatternsPersonalData } from './working-patterns.personal-data';
import { WorkingPatternsRepository } from './working-patterns.repository';

/** Working patterns and unavailability. Import this module to read them with `WorkingPatterns`. */
@Module({
  imports: [PeopleModule],
  providers: [WorkingPatternsRepository, WorkingPatterns, WorkingPatternsPersonalData],
  exports: [WorkingPatterns],
})
export class WorkingPatternsModule {}
