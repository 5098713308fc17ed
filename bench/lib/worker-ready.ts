import { createRedis, readWorkerHeartbeats, type AppConfig } from '@leerkring/core';
import type { BenchAppProcess } from './app-process';
import { waitUntil } from './timer';

/**
 * Waits until this worker process's heartbeat says it runs a processor for `queue`; throws with
 * the worker's output if it exits or does not get ready within a minute.
 */
export async function waitForWorkerReady(worker: BenchAppProcess, config: AppConfig, queue: string): Promise<void> {
  const redis = createRedis(config, 'bench');
  try {
    const ready = await waitUntil(async () => {
      if (worker.child.exitCode !== null) {
        return true;
      }
      const beats = await readWorkerHeartbeats(redis, config);
      return beats.some((beat) => beat.pid === worker.pid && beat.queues.includes(queue));
    }, 60_000);
    if (!ready || worker.child.exitCode !== null) {
      throw new Error(`the worker did not get ready (exit ${worker.child.exitCode}); output:\n${worker.output()}`);
    }
  } finally {
    await redis.quit();
  }
}
