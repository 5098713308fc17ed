import type { AppConfig } from '@leerkring/core';

export interface CliCommand {
  name: string;
  description: string;
  /** Returns the process exit code. */
  run(config: AppConfig, args: string[]): Promise<number>;
}
