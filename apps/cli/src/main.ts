import 'reflect-metadata';
import { exitOnInvalidConfig } from '@leerkring/core';
import { COMMANDS } from './commands';

/**
 * Operator commands, compiled like the apps so they run the same in Docker:
 *   node dist/apps/cli/main.js <command> [args]   (npm run db:migrate, seed:demo, ...)
 */
async function main(argv: string[]): Promise<number> {
  process.title = 'leerkring-cli';
  const [name, ...args] = argv;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(
      `usage: leerkring <command>\n\n${COMMANDS.map((c) => `  ${c.name.padEnd(16)} ${c.description}`).join('\n')}\n`,
    );
    return 2;
  }
  const config = exitOnInvalidConfig('cli');
  return command.run(config, args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
