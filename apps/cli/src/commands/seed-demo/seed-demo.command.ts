import { NestFactory } from '@nestjs/core';
import type { CliCommand } from '../command';
import { SeedDemoModule } from './seed-demo.module';
import { SeedDemoService } from './seed-demo.service';
import { createSeedProgress } from './seed-progress';
import { formatSeedSummary } from './seed-summary';

const IF_EMPTY = '--if-empty';

export const seedDemoCommand: CliCommand = {
  name: 'seed:demo',
  description: 'create the demo foundation (idempotent); --if-empty only seeds an empty database',
  async run(config, args) {
    const unknown = args.filter((arg) => arg !== IF_EMPTY);
    if (unknown.length > 0) {
      process.stderr.write(`seed:demo: unknown argument ${unknown.join(' ')}; usage: seed:demo [${IF_EMPTY}]\n`);
      return 2;
    }
    if (config.nodeEnv === 'production') {
      process.stderr.write(
        'seed:demo: refused with NODE_ENV=production; demo people do not belong in a real foundation\n',
      );
      return 2;
    }
    const started = performance.now();
    const app = await NestFactory.createApplicationContext(SeedDemoModule, { logger: ['error', 'warn'] });
    try {
      const progress = createSeedProgress(process.stdout);
      const result = await app.get(SeedDemoService).seed({ ifEmpty: args.includes(IF_EMPTY), progress });
      progress.line(
        formatSeedSummary(result, {
          database: config.database.database,
          elapsedMs: performance.now() - started,
          mailDelivery: config.mail.smtpUrl ? 'via SMTP' : `as an .eml file under ${config.mail.directory}`,
        }),
      );
    } finally {
      await app.close();
    }
    return 0;
  },
};
