import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Runs `work` on one connection while holding a MySQL named lock, so two processes seeding at
 * once (two `npm start`s on one database) take turns instead of racing on the same keys.
 */
export async function withNamedLock<T>(
  dataSource: DataSource,
  name: string,
  timeoutSeconds: number,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS locked', [name, timeoutSeconds])) as Array<{
      locked: number | string | null;
    }>;
    if (Number(row?.locked) !== 1) {
      throw new Error(`Could not get the lock "${name}" within ${timeoutSeconds}s; is another run hanging?`);
    }
    try {
      return await work(runner);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await runner.release();
  }
}

/** Runs `work` in a transaction on the runner: all of it is stored, or none. */
export async function inTransaction<T>(runner: QueryRunner, work: () => Promise<T>): Promise<T> {
  await runner.startTransaction();
  try {
    const result = await work();
    await runner.commitTransaction();
    return result;
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}
