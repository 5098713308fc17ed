import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { redisKey } from '../redis/redis.tokens';

export interface WorkerHeartbeat {
  id: string;
  pid: number;
  host: string;
  startedAt: string;
  beatAt: string;
  ready: boolean;
  queues: string[];
}

export const HEARTBEAT_INTERVAL_MS = 10_000;
export const HEARTBEAT_TTL_S = 30;

const heartbeatKey = (config: AppConfig, workerId: string) => redisKey(config, 'heartbeat', 'worker', workerId);
/** Sorted set of worker ids by their last beat, so readers need no SCAN over the keyspace. */
const workersKey = (config: AppConfig) => redisKey(config, 'heartbeat', 'workers');

/** Records that this worker is alive; the entry lapses HEARTBEAT_TTL_S seconds after its last beat. */
export async function writeWorkerHeartbeat(redis: Redis, config: AppConfig, heartbeat: WorkerHeartbeat): Promise<void> {
  const now = Date.now();
  await redis
    .multi()
    .set(heartbeatKey(config, heartbeat.id), JSON.stringify(heartbeat), 'EX', HEARTBEAT_TTL_S)
    .zadd(workersKey(config), now, heartbeat.id)
    .zremrangebyscore(workersKey(config), '-inf', now - HEARTBEAT_TTL_S * 1000)
    .exec();
}

export async function removeWorkerHeartbeat(redis: Redis, config: AppConfig, workerId: string): Promise<void> {
  await redis.multi().del(heartbeatKey(config, workerId)).zrem(workersKey(config), workerId).exec();
}

/** The workers that beat within the last HEARTBEAT_TTL_S seconds. */
export async function readWorkerHeartbeats(redis: Redis, config: AppConfig): Promise<WorkerHeartbeat[]> {
  const ids = await redis.zrangebyscore(workersKey(config), Date.now() - HEARTBEAT_TTL_S * 1000, '+inf');
  if (ids.length === 0) {
    return [];
  }
  const values = await redis.mget(ids.map((id) => heartbeatKey(config, id)));
  return values.flatMap((value) => (value ? [JSON.parse(value) as WorkerHeartbeat] : []));
}
