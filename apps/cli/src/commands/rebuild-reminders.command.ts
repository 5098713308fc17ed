import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule, DatabaseModule, RedisModule } from '@leerkring/core';
import { QueuesModule } from '@leerkring/notifications';
import { ReminderScheduler, RemindersModule } from '@leerkring/scheduling';
import type { CliCommand } from './command';

/** What `reminders:rebuild` needs: the database to read appointments, the queues to add jobs. */
@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, RemindersModule] })
class RebuildRemindersModule {}

export const rebuildRemindersCommand: CliCommand = {
  name: 'reminders:rebuild',
  description: 'plan the reminders of every upcoming appointment again (idempotent; after Redis lost its data)',
  async run(_config, args) {
    if (args.length > 0) {
      process.stderr.write(`reminders:rebuild: unknown argument ${args.join(' ')}; it takes none\n`);
      return 2;
    }
    const app = await NestFactory.createApplicationContext(RebuildRemindersModule, { logger: ['error', 'warn'] });
    try {
      const { appointments, reminders } = await app.get(ReminderScheduler).rebuild();
      process.stdout.write(`reminders:rebuild: ${reminders} reminders for ${appointments} upcoming appointments\n`);
    } finally {
      await app.close();
    }
    return 0;
  },
};
