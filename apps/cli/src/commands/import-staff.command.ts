import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppConfigModule, DatabaseModule, RedisModule } from '@leerkring/core';
import { QueuesModule } from '@leerkring/notifications';
import {
  formatStaffImportReport,
  StaffImportException,
  StaffImportModule,
  StaffImportService,
  type StaffImportProgress,
} from '@leerkring/people';
import type { CliCommand } from './command';
import { createSeedProgress } from './seed-demo/seed-progress';

const USAGE = 'usage: import:staff <file.csv> [--school 12AB] [--dry-run]';

export interface ImportStaffArgs {
  file: string;
  school?: string;
  dryRun: boolean;
}

/** `<file> [--school CODE | --school=CODE] [--dry-run]`, in any order. */
export function parseImportStaffArgs(args: readonly string[]): ImportStaffArgs | { error: string } {
  let file: string | undefined;
  let school: string | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--dry-run') {
      dryRun = true;
    } else if (arg === '--school' || arg.startsWith('--school=')) {
      const value = arg === '--school' ? args[(i += 1)] : arg.slice('--school='.length);
      if (value === undefined || value === '' || value.startsWith('--')) {
        return { error: '--school needs a BRIN code, e.g. --school 12AB' };
      }
      school = value;
    } else if (arg.startsWith('-')) {
      return { error: `unknown option ${arg}` };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { error: `one file at a time (got ${file} and ${arg})` };
    }
  }
  if (file === undefined) {
    return { error: 'which file? give the CSV file to import' };
  }
  return { file, dryRun, ...(school !== undefined ? { school } : {}) };
}

/** What the command needs: the database, and what the people library's services depend on. */
@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueuesModule, StaffImportModule] })
class ImportStaffModule {}

/** The file's bytes, moving a progress bar as they are read. */
async function* reading(path: string, size: number, progress: StaffImportProgress): AsyncGenerator<Buffer> {
  const step = Math.max(1, Math.ceil(size / 20));
  let unreported = 0;
  progress.start('reading (bytes)', size);
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      unreported += chunk.length;
      if (unreported >= step) {
        progress.advance(unreported);
        unreported = 0;
      }
      yield chunk;
    }
    if (unreported > 0) {
      progress.advance(unreported);
    }
  } finally {
    progress.stop();
  }
}

export const importStaffCommand: CliCommand = {
  name: 'import:staff',
  description: 'import staff from a CSV file: <file.csv> [--school 12AB] [--dry-run]',
  async run(_config, args) {
    const parsed = parseImportStaffArgs(args);
    if ('error' in parsed) {
      process.stderr.write(`import:staff: ${parsed.error}\n${USAGE}\n`);
      return 2;
    }
    const path = resolve(parsed.file);
    const file = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (file instanceof Error || !file.isFile()) {
      const reason = file instanceof Error ? (file.code ?? file.message) : 'not a file';
      process.stderr.write(`import:staff: cannot read ${parsed.file} (${reason})\n`);
      return 1;
    }

    const app = await NestFactory.createApplicationContext(ImportStaffModule, { logger: ['error', 'warn'] });
    const progress = createSeedProgress(process.stdout);
    try {
      const report = await app.get(StaffImportService).import(reading(path, file.size, progress), {
        dryRun: parsed.dryRun,
        defaultSchool: parsed.school,
        actor: null,
        progress,
      });
      progress.line(formatStaffImportReport(report, basename(path)));
      return 0;
    } catch (error) {
      if (error instanceof StaffImportException) {
        const messages = error.problem.errors?.flatMap((problem) => problem.messages) ?? [];
        const details = messages.filter((message) => message !== error.problem.detail);
        process.stderr.write(
          `import:staff: ${error.problem.detail ?? error.title}\n${details.map((m) => `  ${m}\n`).join('')}`,
        );
        return error.failure === 'bad_argument' ? 2 : 1;
      }
      if ((error as NodeJS.ErrnoException).syscall === 'read') {
        process.stderr.write(`import:staff: cannot read ${parsed.file} (${(error as NodeJS.ErrnoException).code})\n`);
        return 1;
      }
      throw error;
    } finally {
      await app.close();
    }
  },
};
