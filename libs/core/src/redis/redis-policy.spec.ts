import { redisPolicyWarning } from './redis-policy';

describe('redisPolicyWarning', () => {
  const info = (policy: string) => `# Memory\r\nused_memory:1024\r\nmaxmemory_policy:${policy}\r\nmaxmemory:0\r\n`;

  it('is silent for noeviction', () => {
    expect(redisPolicyWarning(info('noeviction'))).toBeUndefined();
  });

  it.each(['allkeys-lru', 'volatile-lru', 'allkeys-random', 'volatile-ttl'])('warns clearly for %s', (policy) => {
    expect(redisPolicyWarning(info(policy))).toMatch(new RegExp(`"${policy}".*evict queued jobs.*noeviction`));
  });

  it('warns when the policy cannot be read', () => {
    expect(redisPolicyWarning('# Memory\r\nused_memory:1\r\n')).toMatch(/Could not read/);
  });
});
