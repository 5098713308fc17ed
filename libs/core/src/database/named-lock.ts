import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Thrown when the lock is not free within the timeout; callers turn it into their own answer. */
export class NamedLockTimeout extends Error {
  constructor(
    readonly lockName: string,
    readonly timeoutSeconds: number,
  ) {
    super(`Could not get the lock "${lockName}" within ${timeoutSeconds}s; is another run still busy?`);
    this.name = 'NamedLockTimeout';
  }
}

// MySQL named locks are server-wide; prefixing the database name keeps two databases on one
// server (deployments, test workers) from waiting for each other.
const SCOPED = "CONCAT(DATABASE(), '/', ?)";

/**
 * Runs `work` on one connection while holding a MySQL named lock (GET_LOCK), so that processes
 * doing the same job at once (migrations, imports, seeding) take turns. The lock is released
 * after `work`, also after a commit inside it.
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
    const [row] = (await runner.query(`SELECT GET_LOCK(${SCOPED}, ?) AS locked`, [name, timeoutSeconds])) as Array<{
      locked: number | string | null;
    }>;
    if (Number(row?.locked) !== 1) {
      throw new NamedLockTimeout(name, timeoutSeconds);
    }
    try {
      return await work(runner);
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(${SCOPED})`, [name]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/** Runs `work` in a transaction on the runner: all of it is stored, or none. */
export async function inTransaction<T>(runner: QueryRunner, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  await runner.startTransaction();
  try {
    const result = await work(runner.manager);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}

/** The usual combination: the lock, then one transaction inside it. */
export function inLockedTransaction<T>(
  dataSource: DataSource,
  name: string,
  timeoutSeconds: number,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return withNamedLock(dataSource, name, timeoutSeconds, (runner) => inTransaction(runner, work));
}
