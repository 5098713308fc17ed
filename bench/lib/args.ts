export interface FlagSpec {
  default: number;
  min?: number;
  max?: number;
  description: string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Whole-number flags (`--mails 500` or `--mails=500`) with defaults and bounds. `--help` prints
 * them and exits 0; an unknown flag or a bad value throws a UsageError.
 */
export function parseFlags<K extends string>(
  bench: string,
  specs: Record<K, FlagSpec>,
  argv: readonly string[] = process.argv.slice(2),
): Record<K, number> {
  const names = Object.keys(specs) as K[];
  if (argv.includes('--help') || argv.includes('-h')) {
    const lines = names.map(
      (name) => `  --${name} N`.padEnd(28) + `${specs[name].description} (default ${specs[name].default})`,
    );
    process.stdout.write(`usage: npm run bench:${bench} -- [flags]\n${lines.join('\n')}\n`);
    process.exit(0);
  }
  const values = Object.fromEntries(names.map((name) => [name, specs[name].default])) as Record<K, number>;
  for (let index = 0; index < argv.length; index += 1) {
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(argv[index]);
    const name = match?.[1] as K | undefined;
    if (!match || !name || !names.includes(name)) {
      throw new UsageError(`unknown argument "${argv[index]}"; flags: ${names.map((n) => `--${n}`).join(', ')}`);
    }
    const raw = match[2] ?? argv[(index += 1)];
    const value = Number(raw);
    const { min = 0, max = Number.MAX_SAFE_INTEGER } = specs[name];
    if (raw === undefined || !/^\d+$/.test(raw) || value < min || value > max) {
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw ?? ''}"`);
    }
    values[name] = value;
  }
  return values;
}
