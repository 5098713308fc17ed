import { performance } from 'node:perf_hooks';

/** Milliseconds on the process's monotonic clock; compare only with other `now()` values. */
export function now(): number {
  return performance.now();
}

export interface Timer {
  /** Milliseconds since the timer started. */
  elapsedMs(): number;
}

export function startTimer(): Timer {
  const startedAt = now();
  return { elapsedMs: () => now() - startedAt };
}

/** Runs `work` and returns its result with how long it took, in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const timer = startTimer();
  const result = await work();
  return { result, ms: timer.elapsedMs() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `check` every `intervalMs` until it returns true or `timeoutMs` passes; resolves with
 * whether it became true. A bench records a false as a failed check rather than throwing.
 */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 50) {
  const deadline = now() + timeoutMs;
  for (;;) {
    if (await check()) {
      return true;
    }
    if (now() > deadline) {
      return false;
    }
    await sleep(intervalMs);
  }
}
