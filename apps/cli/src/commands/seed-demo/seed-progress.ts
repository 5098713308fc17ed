import { Presets, SingleBar } from 'cli-progress';

/** How the seed tells the operator what it is doing. */
export interface SeedProgress {
  /** One line about a finished step. */
  line(message: string): void;
  /** A step that advances in batches (the staff). */
  start(label: string, total: number): void;
  advance(count: number): void;
  stop(): void;
}

type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

/** A progress bar on a terminal; on anything else (CI logs, pipes) one plain line per batch. */
export function createSeedProgress(output: Output = process.stdout): SeedProgress {
  return output.isTTY ? new BarProgress(output as NodeJS.WriteStream) : new LineProgress(output);
}

class LineProgress implements SeedProgress {
  private label = '';
  private total = 0;
  private done = 0;

  constructor(private readonly output: Output) {}

  line(message: string): void {
    this.output.write(`${message}\n`);
  }

  start(label: string, total: number): void {
    [this.label, this.total, this.done] = [label, total, 0];
  }

  advance(count: number): void {
    this.done += count;
    this.line(`${this.label}: ${this.done}/${this.total}`);
  }

  stop(): void {
    this.total = 0;
  }
}

class BarProgress implements SeedProgress {
  private bar: SingleBar | undefined;

  constructor(private readonly output: NodeJS.WriteStream) {}

  line(message: string): void {
    this.output.write(`${message}\n`);
  }

  start(label: string, total: number): void {
    this.bar = new SingleBar(
      { format: `${label} [{bar}] {value}/{total}`, stream: this.output, hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    this.bar.start(total, 0);
  }

  advance(count: number): void {
    this.bar?.increment(count);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
