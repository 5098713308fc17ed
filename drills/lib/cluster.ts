import { createServer } from 'node:net';
import { startBuiltApp, waitUntil, type BenchAppProcess } from '../../bench/lib';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  process: BenchAppProcess;
  url: string;
}

/**
 * The processes of the drill: API and worker processes from dist/, each with the drill's
 * environment (bench/lib's startBuiltApp: an IPC channel, so they stop if the drill dies).
 */
export class Cluster {
  readonly apis: ApiProcess[] = [];
  readonly workers: BenchAppProcess[] = [];
  /** Workers that were killed or stopped, kept for their output. */
  readonly retired: BenchAppProcess[] = [];
  workersStarted = 0;

  constructor(private readonly env: Record<string, string>) {}

  async startApi(): Promise<ApiProcess> {
    const port = await freePort();
    const process = startBuiltApp('api', { ...this.env, PORT: String(port) });
    const api = { process, url: `http://127.0.0.1:${port}` };
    this.apis.push(api);
    const up = await waitUntil(
      () =>
        fetch(`${api.url}/api/health/live`).then(
          (response) => response.ok,
          () => process.child.exitCode !== null,
        ),
      60_000,
      200,
    );
    if (!up || process.child.exitCode !== null) {
      throw new Error(`the API did not start:\n${process.output()}`);
    }
    return api;
  }

  async startWorker(): Promise<BenchAppProcess> {
    const port = await freePort();
    const worker = startBuiltApp('worker', { ...this.env, WORKER_HEALTH_PORT: String(port) });
    this.workers.push(worker);
    this.workersStarted += 1;
    const up = await waitUntil(
      () =>
        fetch(`http://127.0.0.1:${port}/health/live`).then(
          (response) => response.ok,
          () => worker.child.exitCode !== null,
        ),
      60_000,
      200,
    );
    if (!up || worker.child.exitCode !== null) {
      throw new Error(`the worker did not start:\n${worker.output()}`);
    }
    return worker;
  }

  /** SIGKILL: no shutdown hook runs, jobs it held are left to BullMQ's stalled check. */
  killWorker(index = 0): BenchAppProcess {
    const [worker] = this.workers.splice(index, 1);
    worker.child.kill('SIGKILL');
    this.retired.push(worker);
    return worker;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.workers, ...this.apis.map((api) => api.process)].map((p) => p.stop(30_000)));
  }

  /** The last lines of every process's output, for a failed drill. */
  outputs(): string {
    return [
      ...this.apis.map((api, i) => [`api ${i}`, api.process.output()] as const),
      ...[...this.workers, ...this.retired].map((w, i) => [`worker ${i}`, w.output()] as const),
    ]
      .map(([name, output]) => `--- ${name}\n${output.split('\n').slice(-15).join('\n')}`)
      .join('\n');
  }
}
