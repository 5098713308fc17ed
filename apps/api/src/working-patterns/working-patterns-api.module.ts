import { Module } from '@nestjs/common';
import { WorkingPatternsModule } from '@leerkring/people';
import { WorkingPatternsController } from './working-patterns.controller';

/** HTTP for working patterns and unavailability. */
@Module({
  imports: [WorkingPatternsModule],
  controllers: [WorkingPatternsController],
})
export class WorkingPatternsApiModule {}
