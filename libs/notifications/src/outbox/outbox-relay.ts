import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { jobId, QUEUE_OF_JOB, type AppointmentChangedPayload } from '../queues/job-payloads';
import { JobQueue } from '../queues/job-queue';
import { JobName } from '../queues/queue-names';
import { JOB_OF_TOPIC, type OutboxTopic } from './outbox-topics';

interface UnrelayedRow {
  id: string | number;
  topic: string;
  payload: unknown;
}

/**
 * Moves committed outbox rows into BullMQ. Several relays may run at once: each batch locks its
 * rows with `FOR UPDATE SKIP LOCKED`, so two relays never take the same row, and the job id is
 * derived from the row id, so a relay that dies after adding the job but before its commit only
 * causes a duplicate add, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  /** Relays up to `limit` rows in one transaction; returns how many it handed on. Throws when Redis refuses. */
  async relayBatch(limit = 200): Promise<number> {
    // READ COMMITTED: the locking read then locks the rows it takes and no gaps. Under REPEATABLE
    // READ it also locked the gap after the last unrelayed row, where every new outbox row goes,
    // so while BullMQ waited for an unreachable Redis (it waits, it does not fail) every API write
    // waited for this transaction: drill:faults saw all writes hang for the 30 s Redis was down.
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows = await manager.query<UnrelayedRow[]>(
        'SELECT id, topic, payload FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED',
        [limit],
      );
      if (rows.length === 0) {
        return 0;
      }
      // A row of a topic this build does not know (written by a newer API during a rolling
      // deploy) stays for a worker that knows it; it must not block the others.
      const known = rows.filter((row) => (JOB_OF_TOPIC as Record<string, JobName | undefined>)[row.topic]);
      await Promise.all(known.map((row) => this.addJob(row)));
      if (known.length > 0) {
        const ids = known.map((row) => String(row.id));
        // job_id as jobId.fromOutbox(id) makes it.
        await manager.query(
          `UPDATE outbox SET relayed_at = NOW(3), attempts = attempts + 1, job_id = CONCAT('notify.', id), last_error = NULL
           WHERE id IN (${ids.map(() => '?').join(',')})`,
          ids,
        );
      }
      const unknown = rows.filter((row) => !known.includes(row)).map((row) => String(row.id));
      if (unknown.length > 0) {
        await manager.query(
          `UPDATE outbox SET last_error = 'unknown topic for this worker' WHERE id IN (${unknown.map(() => '?').join(',')})`,
          unknown,
        );
      }
      return known.length;
    });
  }

  private async addJob(row: UnrelayedRow): Promise<void> {
    const id = String(row.id);
    // MariaDB's JSON is LONGTEXT, so the driver may hand back the text.
    const payload: unknown = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    await this.jobs.add(
      JOB_OF_TOPIC[row.topic as OutboxTopic],
      { ...(payload as AppointmentChangedPayload), outboxId: id },
      { jobId: jobId.fromOutbox(id) },
    );
  }

  /** Records that the row's job has run (or has been given up on), so `relayLost` leaves it alone. */
  async markHandled(outboxId: string, error?: string): Promise<void> {
    await this.dataSource.query('UPDATE outbox SET handled_at = NOW(3), last_error = ? WHERE id = ?', [
      error?.slice(0, 1000) ?? null,
      outboxId,
    ]);
  }

  /**
   * Relays again the rows relayed more than `olderThanSeconds` ago that were never handled and
   * whose job BullMQ no longer has (Redis lost it: a restart without persistence, a flush, a
   * failover). A job that is still waiting, delayed for a retry, running or failed is left alone.
   * The job id is the row's, as before, and the notify job is idempotent, so a race with a job
   * that just finished only repeats work. Returns how many it relayed again. For the sweep.
   */
  async relayLost(olderThanSeconds = 300, limit = 200): Promise<number> {
    const rows = await this.dataSource.query<UnrelayedRow[]>(
      `SELECT id, topic, payload FROM outbox
       WHERE handled_at IS NULL AND relayed_at < NOW(3) - INTERVAL ? SECOND
       ORDER BY relayed_at LIMIT ?`,
      [olderThanSeconds, limit],
    );
    let relayed = 0;
    for (const row of rows) {
      if (!(JOB_OF_TOPIC as Record<string, JobName | undefined>)[row.topic]) {
        continue;
      }
      const queue = this.jobs.queue(QUEUE_OF_JOB[JOB_OF_TOPIC[row.topic as OutboxTopic]]);
      if (await queue.getJob(jobId.fromOutbox(String(row.id)))) {
        continue;
      }
      await this.addJob(row);
      await this.dataSource.query(
        `UPDATE outbox SET relayed_at = NOW(3), attempts = attempts + 1, last_error = 'job lost; relayed again'
         WHERE id = ? AND handled_at IS NULL`,
        [String(row.id)],
      );
      relayed += 1;
    }
    return relayed;
  }

  /** Rows still waiting, for health and tests. */
  async pending(): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: string | number }>>(
      'SELECT COUNT(*) AS n FROM outbox WHERE relayed_at IS NULL',
    );
    return Number(row?.n ?? 0);
  }
}
