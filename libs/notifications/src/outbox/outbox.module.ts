import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Outbox } from './outbox';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';

/** Writing outbox rows (API) and relaying them into BullMQ (worker). Needs QueuesModule and Redis. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [Outbox, OutboxRelay],
  exports: [Outbox, OutboxRelay],
})
export class OutboxModule {}
