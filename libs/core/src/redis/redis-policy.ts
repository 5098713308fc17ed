/**
 * BullMQ keeps jobs in Redis; with any eviction policy but `noeviction`, Redis may silently drop
 * queued jobs under memory pressure. Returns a warning to log, or undefined when all is well.
 */
export function redisPolicyWarning(memoryInfo: string): string | undefined {
  const match = /^maxmemory_policy:(\S+)/m.exec(memoryInfo);
  if (!match) {
    return 'Could not read Redis maxmemory-policy; make sure it is "noeviction" or queued jobs may be lost.';
  }
  const policy = match[1];
  if (policy !== 'noeviction') {
    return `Redis maxmemory-policy is "${policy}": Redis may evict queued jobs under memory pressure. Set maxmemory-policy to "noeviction" (redis.conf or CONFIG SET).`;
  }
  return undefined;
}
