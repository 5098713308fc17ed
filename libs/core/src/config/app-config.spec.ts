import fc from 'fast-check';
import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('works with no variables at all on a development machine', () => {
    const sut = loadConfig({});

    expect(sut.nodeEnv).toBe('development');
    expect(sut.port).toBe(3000);
    expect(sut.database).toEqual({
      flavour: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
      password: '',
      database: 'leerkring',
      poolSize: 10,
    });
    expect(sut.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'leerkring' });
    expect(sut.mail.smtpUrl).toBeUndefined();
    expect(sut.notesEncryptionKey).toHaveLength(32);
    expect(sut.log.format).toBe('pretty');
  });

  it('reads a full DATABASE_URL with an encoded password', () => {
    const sut = loadConfig({ DATABASE_URL: 'mysql://app:p%40ss%3Aword@db.internal:3307/lk_prod' });

    expect(sut.database).toMatchObject({
      host: 'db.internal',
      port: 3307,
      user: 'app',
      password: 'p@ss:word',
      database: 'lk_prod',
    });
  });

  it.each([
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL'],
    [{ PORT: 'notanumber' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ REDIS_URL: 'localhost' }, 'REDIS_URL'],
    [{ SMTP_URL: 'mail.example.nl' }, 'SMTP_URL'],
    [{ PUBLIC_URL: 'leerkring.nl' }, 'PUBLIC_URL'],
    [{ NOTES_ENCRYPTION_KEY: 'short' }, 'NOTES_ENCRYPTION_KEY'],
    [{ APP_SECRET: 'short' }, 'APP_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEFAULT_TIME_ZONE: 'Europe/Atlantis' }, 'DEFAULT_TIME_ZONE'],
    [{ REDIS_PREFIX: 'has space' }, 'REDIS_PREFIX'],
  ])('rejects %j naming the variable', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigValidationError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`- ${variable}\\b`));
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', DATABASE_URL: 'y' });
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect((error as ConfigValidationError).problems.map((problem) => problem.split(' ')[0]).sort()).toEqual([
        'DATABASE_URL',
        'PORT',
      ]);
    }
  });

  it('has no secret defaults in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /APP_SECRET is required[\s\S]*NOTES_ENCRYPTION_KEY is required/,
    );

    const sut = loadConfig({
      NODE_ENV: 'production',
      APP_SECRET: 'a'.repeat(48),
      NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(sut.log.format).toBe('json');
    expect(sut.notesEncryptionKey).toEqual(Buffer.alloc(32, 7));
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', SMTP_URL: '' })).toMatchObject({ port: 3000, mail: { smtpUrl: undefined } });
  });

  it('accepts every valid port and rejects every invalid one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 200_000 }), (port) => {
        const valid = port >= 0 && port <= 65535;
        if (valid) {
          expect(loadConfig({ PORT: String(port) }).port).toBe(port);
        } else {
          expect(() => loadConfig({ PORT: String(port) })).toThrow(/PORT/);
        }
      }),
    );
  });
});
