import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A field of /proc/<pid>/status in kB (Linux), or undefined when there is no such file or field. */
function procStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The resident set size of a process in kB, from /proc, else from `ps` (macOS); undefined if it is gone. */
export function readRssKb(pid: number): Promise<number | undefined> {
  const fromProc = procStatusKb(pid, 'VmRSS');
  if (fromProc !== undefined) {
    return Promise.resolve(fromProc);
  }
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'rss=', '-p', String(pid)], (error, stdout) => {
      const kb = Number.parseInt(stdout.trim(), 10);
      resolve(error || Number.isNaN(kb) ? undefined : kb);
    });
  });
}

/** The kernel's own peak RSS of a running process in kB (VmHWM, Linux only). */
export function readPeakRssKb(pid: number): number | undefined {
  return procStatusKb(pid, 'VmHWM');
}

/**
 * Peak RSS of a child process. On Linux the kernel keeps the peak (VmHWM), so `stop()` just reads
 * it; sampling every `intervalMs` covers systems without /proc. Call `stop()` before the process
 * exits: afterwards only the samples are left.
 */
export class PeakRss {
  private maxKb = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 250,
  ) {
    this.timer = setInterval(() => void this.sample(), intervalMs);
    this.timer.unref();
  }

  private async sample(): Promise<void> {
    this.maxKb = Math.max(this.maxKb, (await readRssKb(this.pid)) ?? 0);
  }

  /** Stops sampling; returns the peak in MiB (NaN if nothing could be read). */
  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.sample();
    const kb = Math.max(this.maxKb, readPeakRssKb(this.pid) ?? 0);
    return kb > 0 ? kb / 1024 : Number.NaN;
  }
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ); 100 on every common Linux. */
const USER_HZ = 100;

/**
 * CPU time (user + system) a process has used so far, in ms; NaN where /proc is missing. For this
 * process use `process.cpuUsage()`.
 */
export function readCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return Number.NaN;
  }
}

/** CPU time (user + system) this process has used so far, in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
