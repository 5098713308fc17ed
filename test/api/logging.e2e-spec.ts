import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { prepareTestDatabase } from '@leerkring/testing/database';

describe('API logs', () => {
  let sut: AppProcess;
  let url: string;

  beforeAll(async () => {
    await prepareTestDatabase();
    sut = startAppProcess('api', { LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    url = `http://127.0.0.1:${(await sut.waitForOutput(/API listening on port (\d+)/))[1]}`;
  });

  afterAll(async () => {
    sut.child.kill('SIGTERM');
    expect(await sut.exited).toBe(0);
  });

  it('are JSON lines carrying the request id, without query strings or personal data', async () => {
    await fetch(`${url}/api/v1/people?email=jan.devries%40school.nl&token=s3cr3t`, {
      headers: { 'x-request-id': 'trace-4711', authorization: 'Bearer abc.def', cookie: 'session=xyz' },
    });
    await sut.waitForOutput(/trace-4711/);

    const lines = sut
      .output()
      .split('\n')
      .filter((line) => line.includes('trace-4711'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const entry = JSON.parse(line) as { req?: { id?: string; path?: string }; service?: string };
      expect(entry.req?.id).toBe('trace-4711');
      expect(entry.req?.path).toBe('/api/v1/people');
    }
    const all = sut.output();
    for (const secret of ['jan.devries', 's3cr3t', 'abc.def', 'session=xyz']) {
      expect(all).not.toContain(secret);
    }
  });
});
