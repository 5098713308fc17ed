import type { DataSource } from 'typeorm';
import { openTestDataSource } from '@leerkring/testing/database';

describe('instants in the database', () => {
  let sut: DataSource;

  beforeAll(async () => {
    sut = await openTestDataSource();
  });

  afterAll(async () => {
    await sut.destroy();
  });

  it('run every session in UTC, whatever the server time zone', async () => {
    const sessions = await Promise.all(
      [1, 2, 3].map(() => sut.query<Array<{ zone: string }>>('SELECT @@session.time_zone AS zone')),
    );

    expect(sessions.map(([row]) => row.zone)).toEqual(['+00:00', '+00:00', '+00:00']);
  });

  it('store DATETIME(3) defaults that read back as the real instant, to the millisecond', async () => {
    const before = Date.now();
    await sut.query(
      "INSERT INTO foundation (id, name) VALUES ('00000000-0000-4000-8000-00000000utc1', 'Tijdzonetest')",
    );
    const [row] = await sut.query<Array<{ created_at: Date }>>(
      "SELECT created_at FROM foundation WHERE id = '00000000-0000-4000-8000-00000000utc1'",
    );
    await sut.query("DELETE FROM foundation WHERE id = '00000000-0000-4000-8000-00000000utc1'");

    expect(row.created_at).toBeInstanceOf(Date);
    expect(Math.abs(row.created_at.getTime() - before)).toBeLessThan(5_000);
  });

  it('use utf8mb4 for text', async () => {
    const [row] = await sut.query<Array<{ collation: string }>>(
      "SELECT TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'person'",
    );

    expect(row.collation).toBe('utf8mb4_unicode_ci');
  });
});
