/** What a batch gives each of its items: a result, or the error of that item alone. */
export type Settled<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

interface Waiting<Item, Result> {
  item: Item;
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Work for the same key that arrives while earlier work for that key is running waits and then
 * runs together, as one batch: at most one batch per key at a time in this process, and the next
 * batch takes everything that queued meanwhile (up to `maxBatch`, in arrival order). A request
 * that finds nothing running for its key does not wait for company: it runs as a batch of one
 * after the current event-loop turn (so requests that arrived in the same turn join it).
 *
 * Built for theme meeting sign-ups: they queue behind the meeting's row lock anyway, so seating a
 * whole batch in one transaction takes that lock once instead of once per sign-up.
 */
export class KeyedBatches<Item, Result> {
  private readonly queues = new Map<string, Array<Waiting<Item, Result>>>();

  constructor(
    private readonly runBatch: (items: Item[]) => Promise<Array<Settled<Result>>>,
    private readonly maxBatch: number,
  ) {}

  submit(key: string, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.queues.set(key, [{ item, resolve, reject }]);
      setImmediate(() => void this.drain(key));
    });
  }

  /** Runs batches for `key` until nobody waits; the key's queue exists exactly while this runs. */
  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key);
    while (queue && queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      try {
        const settled = await this.runBatch(batch.map((waiting) => waiting.item));
        batch.forEach((waiting, index) => {
          const outcome = settled[index];
          if (!outcome) {
            waiting.reject(new Error('the batch gave no outcome for this item'));
          } else if (outcome.ok) {
            waiting.resolve(outcome.value);
          } else {
            waiting.reject(outcome.error);
          }
        });
      } catch (error) {
        for (const waiting of batch) {
          waiting.reject(error);
        }
      }
    }
    this.queues.delete(key);
  }
}
