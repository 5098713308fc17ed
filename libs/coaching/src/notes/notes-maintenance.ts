import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { Retention } from '@leerkring/people';
import { NoteCipher, NoteUnreadableError } from './note-cipher';

const BATCH = 200;

export interface ReencryptReport {
  /** Notes moved to the current key. */
  reencrypted: number;
  /** Already under the current key. */
  current: number;
  /** Under a key no longer configured: left as they are, listed by key id. */
  unreadable: Record<string, number>;
}

/**
 * The life cycle of confidential notes beyond a single session: deleted RETENTION_NOTES_MONTHS
 * after their trajectory closed (a rule in the nightly retention run), and moved to the current
 * key after a key rotation (`notes:reencrypt`).
 */
@Injectable()
export class NotesMaintenance implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: NoteCipher,
    private readonly retention: Retention,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const months = this.config.retention.notesMonths;
    this.retention.addRule({
      name: `confidential notes of trajectories closed over ${months} months ago`,
      apply: (now) => this.deleteExpiredNotes(now),
    });
  }

  /** Deletes the notes (and shared agreements stay) of sessions whose trajectory closed long enough ago. */
  async deleteExpiredNotes(now = new Date()): Promise<number> {
    const before = new Date(now);
    before.setUTCMonth(before.getUTCMonth() - this.config.retention.notesMonths);
    const result: { affectedRows?: number } = await this.dataSource.query(
      `UPDATE coaching_session s JOIN coaching_trajectory t ON t.id = s.trajectory_id
          SET s.note_ciphertext = NULL, s.note_key_id = NULL
        WHERE t.status = 'closed' AND t.closed_at < ? AND s.note_ciphertext IS NOT NULL`,
      [before],
    );
    return result.affectedRows ?? 0;
  }

  /**
   * Seals every note not yet under the current key with it, in small transactions, each row
   * locked while it is rewritten. Safe to run again, and while the API runs.
   */
  async reencrypt(): Promise<ReencryptReport> {
    const report: ReencryptReport = { reencrypted: 0, current: 0, unreadable: {} };
    const [{ count }] = await this.dataSource.query<Array<{ count: string }>>(
      'SELECT COUNT(*) AS count FROM coaching_session WHERE note_ciphertext IS NOT NULL AND note_key_id = ?',
      [this.cipher.currentKeyId],
    );
    report.current = Number(count);
    let after = '';
    for (;;) {
      const ids = await this.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM coaching_session
          WHERE note_ciphertext IS NOT NULL AND note_key_id <> ? AND id > ?
          ORDER BY id LIMIT ${BATCH}`,
        [this.cipher.currentKeyId, after],
      );
      if (ids.length === 0) {
        return report;
      }
      after = ids[ids.length - 1].id;
      await this.dataSource.transaction(async (manager) => {
        const rows = await manager.query<Array<{ id: string; note_ciphertext: string; note_key_id: string }>>(
          `SELECT id, note_ciphertext, note_key_id FROM coaching_session
            WHERE id IN (${ids.map(() => '?').join(',')}) AND note_ciphertext IS NOT NULL AND note_key_id <> ?
            FOR UPDATE`,
          [...ids.map((row) => row.id), this.cipher.currentKeyId],
        );
        for (const row of rows) {
          try {
            const text = this.cipher.open({ ciphertext: row.note_ciphertext, keyId: row.note_key_id }, row.id);
            const sealed = this.cipher.seal(text, row.id);
            await manager.query('UPDATE coaching_session SET note_ciphertext = ?, note_key_id = ? WHERE id = ?', [
              sealed.ciphertext,
              sealed.keyId,
              row.id,
            ]);
            report.reencrypted += 1;
          } catch (error) {
            if (!(error instanceof NoteUnreadableError)) {
              throw error;
            }
            report.unreadable[row.note_key_id] = (report.unreadable[row.note_key_id] ?? 0) + 1;
          }
        }
      });
    }
  }
}
