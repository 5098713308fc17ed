import type { EventEmitter } from 'node:events';
import { Queue } from 'bullmq';
import { dropConnectionErrorsAfterClose } from './late-connection-errors';

/** A Redis where nothing listens: the queue's connection never becomes ready. */
const DEAD_REDIS = { host: '127.0.0.1', port: 1, maxRetriesPerRequest: null };

const connectionOf = (queue: Queue) => (queue as unknown as { connection: EventEmitter }).connection;

describe('a queue closed while Redis is unreachable', () => {
  it('without the guard, an error emitted on its connection after close is uncaught (what crashed CI)', async () => {
    const queue = new Queue('late-error-unguarded', { connection: DEAD_REDIS });
    queue.on('error', () => undefined);
    await queue.close();
    expect(() => connectionOf(queue).emit('error', new Error('connect ECONNREFUSED 127.0.0.1:1'))).toThrow(
      'ECONNREFUSED',
    );
  });

  it('with the guard, the late error is dropped', async () => {
    const queue = new Queue('late-error-guarded', { connection: DEAD_REDIS });
    queue.on('error', () => undefined);
    dropConnectionErrorsAfterClose(queue);
    await queue.close();
    // Closing still removed BullMQ's own listeners; only the guard's is left.
    expect(connectionOf(queue).listenerCount('error')).toBe(1);
    expect(connectionOf(queue).listenerCount('close')).toBe(0);
    expect(connectionOf(queue).emit('error', new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe(true);
  });
});
