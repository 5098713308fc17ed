import { KeyedBatches, type Settled } from './keyed-batches';

/** A batch runner that records each batch and finishes a batch only when the test says so. */
function controlledRunner() {
  const batches: string[][] = [];
  const finishers: Array<() => void> = [];
  const run = (items: string[]): Promise<Array<Settled<string>>> => {
    batches.push(items);
    return new Promise((resolve) => {
      finishers.push(() =>
        resolve(
          items.map((item) =>
            item.startsWith('bad')
              ? { ok: false, error: new Error(`${item} failed`) }
              : { ok: true, value: `${item}!` },
          ),
        ),
      );
    });
  };
  return { batches, finishers, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedBatches', () => {
  it('runs a lone item at once, as a batch of one', async () => {
    const runner = controlledRunner();
    const batches = new KeyedBatches(runner.run, 10);
    const result = batches.submit('meeting-a', 'anna');
    await settle();
    expect(runner.batches).toEqual([['anna']]);
    runner.finishers[0]();
    await expect(result).resolves.toBe('anna!');
  });

  it('groups what arrives while a batch runs into the next batch, in arrival order, at most maxBatch at a time', async () => {
    const runner = controlledRunner();
    const batches = new KeyedBatches(runner.run, 3);
    const first = batches.submit('meeting-a', 'p0');
    await settle();
    const later = ['p1', 'p2', 'p3', 'p4', 'p5'].map((person) => batches.submit('meeting-a', person));
    await settle();
    expect(runner.batches).toEqual([['p0']]);

    runner.finishers[0]();
    await expect(first).resolves.toBe('p0!');
    await settle();
    expect(runner.batches).toEqual([['p0'], ['p1', 'p2', 'p3']]);

    runner.finishers[1]();
    await settle();
    expect(runner.batches).toEqual([['p0'], ['p1', 'p2', 'p3'], ['p4', 'p5']]);
    runner.finishers[2]();
    await expect(Promise.all(later)).resolves.toEqual(['p1!', 'p2!', 'p3!', 'p4!', 'p5!']);
  });

  it('joins requests that arrive in the same event-loop turn into the first batch', async () => {
    const runner = controlledRunner();
    const batches = new KeyedBatches(runner.run, 10);
    const results = ['a', 'b', 'c'].map((person) => batches.submit('meeting-a', person));
    await settle();
    expect(runner.batches).toEqual([['a', 'b', 'c']]);
    runner.finishers[0]();
    await expect(Promise.all(results)).resolves.toEqual(['a!', 'b!', 'c!']);
  });

  it('fails only the item whose outcome is an error; a thrown batch fails its own items and the next batch still runs', async () => {
    const batches = new KeyedBatches<string, string>(async (items) => {
      if (items.includes('boom')) {
        throw new Error('connection lost');
      }
      return items.map((item) =>
        item.startsWith('bad') ? { ok: false, error: new Error(`${item} failed`) } : { ok: true, value: item },
      );
    }, 2);
    const outcomes = await Promise.allSettled(
      ['ok1', 'bad1', 'boom', 'ok2', 'ok3'].map((item) => batches.submit('meeting-a', item)),
    );
    expect(
      outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : String(outcome.reason))),
    ).toEqual(['ok1', 'Error: bad1 failed', 'Error: connection lost', 'Error: connection lost', 'ok3']);
  });

  it('keeps keys apart: another meeting does not wait for this one', async () => {
    const runner = controlledRunner();
    const batches = new KeyedBatches(runner.run, 10);
    void batches.submit('meeting-a', 'anna');
    await settle();
    const other = batches.submit('meeting-b', 'bram');
    await settle();
    expect(runner.batches).toEqual([['anna'], ['bram']]);
    runner.finishers[1]();
    await expect(other).resolves.toBe('bram!');
    runner.finishers[0]();
  });
});
