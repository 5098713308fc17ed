import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

/**
 * Starts a built app (dist/apps/<name>/main.js, built by global-setup) as its own process with
 * this test's environment plus `env`, as production runs it.
 */
export function startAppProcess(
  name: 'api' | 'worker' | 'cli',
  env: Record<string, string | undefined> = {},
  args: string[] = [],
): AppProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps', name, 'main.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    exited,
    output: () => output,
    async waitForOutput(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output);
        if (match) {
          return match;
        }
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`no output matching ${pattern} (exit ${child.exitCode}); output:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
