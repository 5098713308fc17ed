import { startAppProcess } from '@leerkring/testing/app-process';

/** The built apps, started as operators start them, with one thing wrong each time. */
describe('a wrong configuration stops start-up with one clear message', () => {
  it.each([
    ['api', { DATABASE_URL: 'nonsense' }, 'DATABASE_URL'],
    ['api', { PORT: 'notanumber' }, 'PORT'],
    ['worker', { REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    ['worker', { WORKER_CONCURRENCY: 'lots' }, 'WORKER_CONCURRENCY'],
    ['cli', { DATABASE_URL: 'postgres://x@y/z' }, 'DATABASE_URL'],
  ] as const)('%s with %j names %s', async (app, env, variable) => {
    const sut = startAppProcess(app, env, app === 'cli' ? ['db:migrate'] : []);

    expect(await sut.exited).toBe(78);
    const output = sut.output();
    expect(output).toContain(`cannot start`);
    expect(output).toMatch(new RegExp(`- ${variable}\\b`));
    expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('refuses production without secrets, naming both', async () => {
    const sut = startAppProcess('api', { NODE_ENV: 'production', APP_SECRET: '', NOTES_ENCRYPTION_KEY: '' });

    expect(await sut.exited).toBe(78);
    expect(sut.output()).toContain('APP_SECRET is required when NODE_ENV=production');
    expect(sut.output()).toContain('NOTES_ENCRYPTION_KEY is required when NODE_ENV=production');
  });
});
