import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './environment';
import { PeakRss } from './rss';
import { sleep } from './timer';

export interface BenchAppProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its peak RSS in MiB so far; call before `stop()`. */
  peakRssMb(): Promise<number>;
  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves with the exit code or the signal's name. */
  stop(timeoutMs?: number): Promise<number | string>;
}

/**
 * Starts a built app (dist/apps/<name>/main.js) as production runs it, with the bench's
 * environment plus `env`. It gets an IPC channel, so it shuts itself down if the bench dies.
 */
export function startBuiltApp(name: 'api' | 'worker' | 'cli', env: Record<string, string>): BenchAppProcess {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the app under the bench's load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps', name, 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  if (child.pid === undefined) {
    throw new Error(`could not start ${name}`);
  }
  const pid = child.pid;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const rss = new PeakRss(pid);
  let peak: Promise<number> | undefined;
  const peakRssMb = () => (peak ??= rss.stop());

  return {
    child,
    pid,
    output: () => output,
    peakRssMb,
    async stop(timeoutMs = 30_000) {
      await peakRssMb();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const code = await Promise.race([exited, sleep(timeoutMs).then(() => 'timeout' as const)]);
        if (code !== 'timeout') {
          return code;
        }
        child.kill('SIGKILL');
      }
      return exited;
    },
  };
}
