import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailDispatcher } from './mail-dispatcher';
import { MailMessage } from './mail-message.entity';
import { MailMessageRepository } from './mail-message.repository';
import { MailSender } from './mail-sender';
import { MailTransport } from './mail-transport';

/** Storing, queueing and sending mail. Needs QueuesModule and the database. */
@Module({
  imports: [TypeOrmModule.forFeature([MailMessage])],
  providers: [MailMessageRepository, MailDispatcher, MailSender, MailTransport],
  exports: [MailDispatcher, MailSender, MailTransport],
})
export class MailModule {}
