import type { EventEmitter } from 'node:events';
import type { Queue } from 'bullmq';

/**
 * BullMQ 5 removes every listener of a queue's connection when the queue closes, but a connect
 * attempt still in flight (Redis unreachable at shutdown) is rejected afterwards and emitted as
 * 'error' on that connection; with no listener left, Node turns it into an uncaught exception
 * that ends the process (seen in CI when an API pointed at a dead Redis shut down). After the
 * listeners are removed, this leaves one that drops such a late error: the queue is closed, so
 * there is nobody left to tell.
 */
export function dropConnectionErrorsAfterClose(queue: Queue): void {
  const connection = (queue as unknown as { connection?: EventEmitter }).connection;
  if (!connection || typeof connection.removeAllListeners !== 'function') {
    return;
  }
  const removeAll = connection.removeAllListeners.bind(connection);
  connection.removeAllListeners = (event?: string | symbol) => {
    // Node tells "remove all" from "remove these" by the number of arguments, not by undefined.
    if (event === undefined) {
      removeAll();
    } else {
      removeAll(event);
    }
    if (event === undefined || event === 'error') {
      connection.on('error', () => undefined);
    }
    return connection;
  };
}
