import type { ReportSection } from './report';

interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * A bench's correctness checks. A failed check makes the bench exit 1; nothing else does (a slow
 * run is a figure, not a failure).
 */
export class Checks {
  private readonly results: CheckResult[] = [];

  /** Records one check; returns `ok` so a caller can skip work that depends on it. */
  check(name: string, ok: boolean, detail = ''): boolean {
    this.results.push({ name, ok, detail });
    return ok;
  }

  get ok(): boolean {
    return this.results.every((result) => result.ok);
  }

  get failed(): string[] {
    return this.results.filter((result) => !result.ok).map((result) => `${result.name}: ${result.detail}`);
  }

  section(): ReportSection {
    return {
      title: 'correctness checks',
      rows: this.results.map((result) => ({
        label: result.name,
        value: result.ok ? 'ok' : 'FAILED',
        unit: result.detail,
      })),
    };
  }
}
