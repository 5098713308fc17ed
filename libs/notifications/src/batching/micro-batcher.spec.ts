import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('runs calls made side by side as one batch, each getting its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(async (inputs) => {
      batches.push(inputs);
      return inputs.map((input) => input * 10);
    });
    const results = await Promise.all([1, 2, 3].map((input) => batcher.call(input)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers the calls that arrive while a batch runs into the next one, and keeps batches under the limit', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const batcher = new MicroBatcher<number, number>(
      async (inputs) => {
        batches.push(inputs);
        if (batches.length === 1) {
          await first;
        }
        return inputs;
      },
      { maxBatch: 2 },
    );
    const running = batcher.call(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((input) => batcher.call(input));
    release();
    expect(await Promise.all([running, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('waits up to the window for others to join', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (inputs) => {
        batches.push(inputs);
        return inputs;
      },
      { windowMs: 200 },
    );
    const first = batcher.call(1);
    // Without a window the batch would start at the end of this turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([first, batcher.call(2)]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('fails only the call whose input fails, running the others of a failed batch alone', async () => {
    const batcher = new MicroBatcher<number, number>(async (inputs) => {
      if (inputs.includes(2)) {
        throw new Error('bad input 2');
      }
      return inputs;
    });
    const results = await Promise.allSettled([1, 2, 3].map((input) => batcher.call(input)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('bad input 2') },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('rejects every call when the batch returns the wrong number of results', async () => {
    const batcher = new MicroBatcher<number, number>(async () => []);
    await expect(batcher.call(1)).rejects.toThrow('batch returned 0 results for 1 inputs');
  });
});
