import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';

/**
 * The process environment over the values of an optional `.env` file in the working directory.
 * Real environment variables win, as in any twelve-factor app.
 */
export function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  envFile = resolve(process.cwd(), '.env'),
): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parse(readFileSync(envFile)) : {};
  return { ...fromFile, ...env };
}
