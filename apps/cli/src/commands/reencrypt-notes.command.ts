import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule, DatabaseModule, RedisModule } from '@leerkring/core';
import { CoachingModule, NotesMaintenance } from '@leerkring/coaching';
import { QueuesModule } from '@leerkring/notifications';
import type { CliCommand } from './command';

@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, CoachingModule] })
class ReencryptNotesModule {}

export const reencryptNotesCommand: CliCommand = {
  name: 'notes:reencrypt',
  description:
    'after a key rotation: seal every confidential note with NOTES_ENCRYPTION_KEY (old ones open with NOTES_ENCRYPTION_KEY_PREVIOUS)',
  async run(_config, args) {
    if (args.length > 0) {
      process.stderr.write(`notes:reencrypt: unknown argument ${args.join(' ')}; it takes none\n`);
      return 2;
    }
    const app = await NestFactory.createApplicationContext(ReencryptNotesModule, { logger: ['error', 'warn'] });
    try {
      const report = await app.get(NotesMaintenance).reencrypt();
      const unreadable = Object.entries(report.unreadable);
      process.stdout.write(
        `notes:reencrypt: ${report.reencrypted} re-encrypted, ${report.current} already under the current key` +
          (unreadable.length
            ? `, unreadable (key not configured): ${unreadable.map(([key, n]) => `${n} under ${key}`).join(', ')}`
            : '') +
          '\n',
      );
      return unreadable.length > 0 ? 1 : 0;
    } finally {
      await app.close();
    }
  },
};
