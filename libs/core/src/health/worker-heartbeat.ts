import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { redisKey } from '../redis/redis.module';

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

export function heartbeatKey(config: AppConfig, workerId: string): string {
  return redisKey(config, 'heartbeat', 'worker', workerId);
}

/** The workers that beat within the last HEARTBEAT_TTL_S seconds (their keys expire after). */
export async function readWorkerHeartbeats(redis: Redis, config: AppConfig): Promise<WorkerHeartbeat[]> {
  const pattern = heartbeatKey(config, '*');
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 200);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  if (keys.length === 0) {
    return [];
  }
  const values = await redis.mget(keys);
  return values.flatMap((value) => (value ? [JSON.parse(value) as WorkerHeartbeat] : []));
}
