import { Module } from '@nestjs/common';
import { PeopleModule } from '@leerkring/people';
import { OverviewsController } from './overviews.controller';
import { OverviewsRepository } from './overviews.repository';

/** Read-only overviews for the web app (directors' planning, attendance per school, organisers' meetings). */
@Module({
  imports: [PeopleModule],
  controllers: [OverviewsController],
  providers: [OverviewsRepository],
})
export class OverviewsApiModule {}
