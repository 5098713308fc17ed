import { Module } from '@nestjs/common';
import { PeopleModule } from '@leerkring/people';
import { MailFailuresController } from './mail-failures.controller';
import { MailFailuresRepository } from './mail-failures.repository';
import { QueueDashboard } from './queue-dashboard';

/** For admins: the queue dashboard (bull-board) and the list of mails that failed. */
@Module({
  imports: [PeopleModule],
  controllers: [MailFailuresController],
  providers: [MailFailuresRepository, QueueDashboard],
})
export class AdminApiModule {}
