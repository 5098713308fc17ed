import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createConnection } from 'mysql2/promise';
import { ADMIN_DATABASE_URL, testRunId, testTempDir } from '@leerkring/testing/test-run';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function eventually<T>(
  read: () => Promise<T | undefined>,
  timeoutMs: number,
  gaveUp: () => string | undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    const reason = gaveUp() ?? (Date.now() > deadline ? `not there within ${timeoutMs} ms` : undefined);
    if (reason) {
      throw new Error(reason);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What a new developer does first: `npm start` on an empty database. */
describe('npm start', () => {
  it('migrates, seeds the demo foundation, runs api and worker, and stops both on Ctrl-C', async () => {
    const database = `lk_test_${testRunId()}_start`;
    const [port, workerPort] = [await freePort(), await freePort()];
    const mailDir = mkdtempSync(join(testTempDir(), 'start-mail-'));
    let output = '';
    const sut = spawn(process.execPath, ['scripts/start.js'], {
      cwd: join(__dirname, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: `${ADMIN_DATABASE_URL}/${database}`,
        REDIS_PREFIX: `lk_test_${testRunId()}_start`,
        PORT: String(port),
        WORKER_HEALTH_PORT: String(workerPort),
        MAIL_DIR: mailDir,
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    sut.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    sut.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => sut.once('exit', (code) => resolve(code)));
    const gaveUp = () => (sut.exitCode !== null ? `npm start exited with ${sut.exitCode}:\n${output}` : undefined);

    try {
      const ready = await eventually(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
          return response.status === 200 ? response : undefined;
        },
        90_000,
        gaveUp,
      );
      expect(ready.status).toBe(200);
      const workerReady = await eventually(
        async () => {
          const response = await fetch(`http://127.0.0.1:${workerPort}/health/ready`);
          return response.status === 200 ? response : undefined;
        },
        30_000,
        gaveUp,
      );
      expect(workerReady.status).toBe(200);

      const connection = await createConnection(`${ADMIN_DATABASE_URL}/${database}`);
      const [[counts]] = await connection.query<
        Array<{ schools: number; people: number } & import('mysql2').RowDataPacket>
      >('SELECT (SELECT COUNT(*) FROM school) AS schools, (SELECT COUNT(*) FROM person) AS people');
      await connection.end();
      expect(Number(counts.schools)).toBeGreaterThanOrEqual(10);
      expect(Number(counts.people)).toBeGreaterThanOrEqual(500);

      // The welcome mail of the demo seed went through the real pipeline into an .eml file.
      const eml = await eventually(
        async () => readdirSync(mailDir).find((file) => file.endsWith('.eml')),
        30_000,
        gaveUp,
      );
      const welcome = await simpleParser(readFileSync(join(mailDir, eml)));
      expect(welcome.subject).toContain('Welkom');
      expect(welcome.to).toMatchObject({ text: expect.stringContaining('admin@') });
    } finally {
      sut.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/stopped \(exit/);
  }, 150_000);
});
