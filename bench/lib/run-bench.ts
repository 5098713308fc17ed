import { UsageError } from './args';
import { Checks } from './checks';
import { benchEnvironment, type BenchEnvironment } from './environment';
import { printReport, type BenchResult, type ReportSection } from './report';

export interface Bench {
  env: BenchEnvironment;
  checks: Checks;
  /** Registers clean-up for something the bench started; run last-first, also on Ctrl-C. */
  defer: (what: string, undo: () => unknown) => void;
  /** Progress on stderr, so stdout holds only the table and the final JSON line. */
  log: (message: string) => void;
}

export interface BenchOutcome {
  title: string;
  sections: ReportSection[];
  result: BenchResult;
}

/**
 * Runs a benchmark and ends the process: it runs `main`, undoes everything `main` deferred
 * (child processes, its database, its Redis keys), prints the table with the checks and the final
 * JSON line, and exits 1 if a correctness check failed or `main` threw, 0 otherwise. A slow run
 * never fails. Ctrl-C (or SIGTERM) cleans up too.
 */
export function runBench(name: string, main: (bench: Bench) => Promise<BenchOutcome>): void {
  const log = (message: string) => process.stderr.write(`[bench:${name}] ${message}\n`);
  const undo: Array<{ what: string; run: () => unknown }> = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const step of undo.reverse()) {
        try {
          await step.run();
        } catch (error) {
          log(`clean-up "${step.what}" failed: ${(error as Error).message}`);
        }
      }
    })());

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }

  const run = async (): Promise<number> => {
    const checks = new Checks();
    let outcome: BenchOutcome;
    try {
      const env = benchEnvironment(name);
      outcome = await main({ env, checks, log, defer: (what, run) => undo.push({ what, run }) });
    } catch (error) {
      await cleanUp();
      if (error instanceof UsageError) {
        log(error.message);
        return 2;
      }
      log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return 1;
    }
    await cleanUp();
    printReport(outcome.title, [...outcome.sections, checks.section()], { ...outcome.result, ok: checks.ok });
    if (!checks.ok) {
      log(`correctness checks failed:\n  - ${checks.failed.join('\n  - ')}`);
      return 1;
    }
    return 0;
  };

  void run().then((code) => process.exit(code));
}
