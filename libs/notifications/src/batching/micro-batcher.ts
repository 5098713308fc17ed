/**
 * Gathers the calls made while one batch is being run, and runs them together as the next
 * batch: one database round trip (and one commit) for many jobs running side by side, instead
 * of one each. A lone call waits only for the end of the current turn of the event loop. Calls
 * that arrive while a batch runs wait for it and go together in the next one, so the batch size
 * follows the load without a timer.
 *
 * `run` gets the inputs and returns one output per input, in order. If a batch of several fails,
 * each input is run again alone, so one bad input fails only its own call.
 */
export class MicroBatcher<I, O> {
  private pending: Array<{ input: I; resolve: (output: O) => void; reject: (error: unknown) => void }> = [];
  private running = false;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxBatch = 100,
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled || this.pending.length === 0) {
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
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
