import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfigModule, DatabaseModule, RedisModule } from '@leerkring/core';
import { MailDispatcher, MailModule, QueuesModule, type MailDraft } from '@leerkring/notifications';
import { prepareTestDatabase } from './database';

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, MailModule] })
class MailContextModule {}

export interface MailContext {
  dispatcher: MailDispatcher;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The real mail services, as the API uses them, to put mails on the queue from a test. */
export async function startMailContext(): Promise<MailContext> {
  await prepareTestDatabase();
  const context: INestApplicationContext = await NestFactory.createApplicationContext(MailContextModule, {
    logger: false,
  });
  return {
    dispatcher: context.get(MailDispatcher),
    dataSource: context.get<DataSource>(getDataSourceToken()),
    close: () => context.close(),
  };
}

let sequence = 0;

/** A mail as the notification code would render it; unique per call unless `dedupeKey` is given. */
export function mailDraft(overrides: Partial<MailDraft> = {}): MailDraft {
  sequence += 1;
  const key = `${Date.now()}.${process.pid}.${sequence}`;
  return {
    dedupeKey: `test.${key}`,
    kind: 'test',
    recipientPersonId: null,
    toAddress: `ontvanger.${sequence}@school.test`,
    subject: `Uitnodiging coachgesprek ${sequence}`,
    bodyText: 'Beste collega,\n\nJe bent uitgenodigd.',
    bodyHtml: '<p>Beste collega,</p><p>Je bent uitgenodigd.</p>',
    ics: null,
    icsMethod: null,
    ...overrides,
  };
}
