import { ConfigValidationError, loadConfig, type AppConfig } from './app-config';
import { readEnvironment } from './read-environment';

/**
 * The first thing every entry point does: validate the configuration and, if it is wrong, stop
 * with one clear message that names each offending variable (exit code 78, EX_CONFIG).
 */
export function exitOnInvalidConfig(app: string): AppConfig {
  try {
    return loadConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`Leerkring ${app} cannot start. ${error.message}\nSee .env.example for every variable.\n`);
      process.exit(78);
    }
    throw error;
  }
}
