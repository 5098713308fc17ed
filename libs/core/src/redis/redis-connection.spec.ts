import { redisConnectionOptions } from './redis-connection';

describe('redisConnectionOptions', () => {
  it('reads host and port, with the default port', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6379')).toEqual({ host: '127.0.0.1', port: 6379 });
    expect(redisConnectionOptions('redis://cache')).toEqual({ host: 'cache', port: 6379 });
  });

  it('reads credentials, database number and TLS', () => {
    expect(redisConnectionOptions('rediss://default:s%3Acret@cache.internal:6380/2')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'default',
      password: 's:cret',
      db: 2,
      tls: {},
    });
  });
});
