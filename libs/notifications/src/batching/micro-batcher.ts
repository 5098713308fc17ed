/**
 * Gathers the calls made while one batch is being run, and runs them together as the next
 * batch: one database round trip (and one commit) for many jobs running side by side, instead
 * of one each. A call waits at most `windowMs` for others to join it (0: only to the end of the
 * current turn of the event loop), less when `maxBatch` calls are waiting. Calls that arrive
 * while a batch runs wait for it and go together in the next one, so the batch size follows the
 * load. Jobs of a queue arrive one by one, a little apart, so a window of a few milliseconds is
 * what makes batches of a burst more than one or two long.
 *
 * `run` gets the inputs and returns one output per input, in order. If a batch of several fails,
 * each input is run again alone, so one bad input fails only its own call.
 */
export class MicroBatcher<I, O> {
  private pending: Array<{ input: I; resolve: (output: O) => void; reject: (error: unknown) => void }> = [];
  private running = false;
  private timer?: NodeJS.Timeout | NodeJS.Immediate;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: { maxBatch?: number; windowMs?: number } = {},
  ) {}

  private get maxBatch(): number {
    return this.options.maxBatch ?? 100;
  }

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.pending.length === 0) {
      return;
    }
    if (this.pending.length >= this.maxBatch) {
      this.cancelTimer();
      void this.flush();
      return;
    }
    if (this.timer) {
      return;
    }
    const fire = () => {
      this.timer = undefined;
      void this.flush();
    };
    const windowMs = this.options.windowMs ?? 0;
    this.timer = windowMs > 0 ? setTimeout(fire, windowMs) : setImmediate(fire);
  }

  private cancelTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
  }

  private async flush(): Promise<void> {
    if (this.running || this.pending.length === 0) {
      return;
    }
    this.running = true;
    const batch = this.pending.splice(0, this.maxBatch);
    try {
      await this.settle(batch);
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  private async settle(batch: typeof this.pending): Promise<void> {
    try {
      const outputs = await this.run(batch.map((item) => item.input));
      if (outputs.length !== batch.length) {
        throw new Error(`batch returned ${outputs.length} results for ${batch.length} inputs`);
      }
      batch.forEach((item, index) => item.resolve(outputs[index]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const item of batch) {
        await this.settle([item]);
      }
    }
  }
}
