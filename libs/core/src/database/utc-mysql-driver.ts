import * as mysql2 from 'mysql2';

const UTC_SESSION = "SET time_zone = '+00:00'";

/**
 * mysql2 with every pooled connection's session set to UTC as it is opened. mysql2's `timezone`
 * option only converts values on the client; the session time zone decides what NOW(3) and the
 * CURRENT_TIMESTAMP(3) defaults of created_at/updated_at mean. With both in UTC, the stored
 * instants are right whatever time zone the database server runs in (often Europe/Amsterdam).
 */
export const utcMysqlDriver = {
  ...mysql2,
  createPool(config: mysql2.PoolOptions): mysql2.Pool {
    const pool = mysql2.createPool(config);
    // Queued on the connection before anything else, since it runs as the connection is made.
    pool.on('connection', (connection) => {
      connection.query(UTC_SESSION);
    });
    return pool;
  },
};
