import { Controller, Get, Inject, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { APP_CONFIG, readWorkerHeartbeats, REDIS, RedisHealthIndicator, type AppConfig } from '@leerkring/core';
import { JobQueue } from '@leerkring/notifications';
import { Public } from '@leerkring/people';

/** How long readiness waits for the queue counts (informational) before leaving them out. */
const QUEUE_COUNTS_TIMEOUT_MS = 1_000;

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redisHealth: RedisHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers HTTP' })
  @ApiOkResponse({ description: 'The API process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: database and Redis reachable',
    description:
      'Also lists the workers that sent a heartbeat in the last 30 seconds, and the waiting, delayed, active ' +
      'and failed jobs per queue (both informational: they never make the API unready).',
  })
  @ApiOkResponse({ description: 'Ready to serve traffic' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1_500 }),
      () => this.redisHealth.isHealthy('redis'),
      () => this.workers(),
      () => this.queues(),
    ]);
  }

  /**
   * Informational: job counts per queue. BullMQ's connection waits for Redis instead of failing,
   * so the counts get a deadline; with Redis down the redis check already fails readiness.
   */
  private async queues() {
    const indicator = this.indicators.check('queues');
    let timer: NodeJS.Timeout | undefined;
    try {
      const counts = await Promise.race([
        this.jobs.counts(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), QUEUE_COUNTS_TIMEOUT_MS);
        }),
      ]);
      return indicator.up(counts);
    } catch {
      return indicator.up({ message: 'unknown while Redis is unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Informational: never fails readiness, since the API serves requests without a worker. */
  private async workers() {
    const indicator = this.indicators.check('workers');
    try {
      const beats = await readWorkerHeartbeats(this.redis, this.config);
      return indicator.up({
        count: beats.length,
        ready: beats.filter((beat) => beat.ready).length,
        lastBeatAt:
          beats
            .map((beat) => beat.beatAt)
            .sort()
            .at(-1) ?? null,
      });
    } catch {
      return indicator.up({ count: null, message: 'unknown while Redis is unreachable' });
    }
  }
}
