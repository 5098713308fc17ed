import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { WorkerHost } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  HEARTBEAT_INTERVAL_MS,
  Metrics,
  presentsMetricsToken,
  REDIS,
  removeWorkerHeartbeat,
  writeWorkerHeartbeat,
  type AppConfig,
  type WorkerHeartbeat,
} from '@leerkring/core';

/**
 * Tells the outside world this worker is alive and ready: a heartbeat in Redis that the API's
 * readiness endpoint lists, and a small HTTP server (WORKER_HEALTH_PORT) with /health/live and
 * /health/ready for container health checks.
 */
@Injectable()
export class WorkerStatus implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WorkerStatus');
  private readonly id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;
  private server?: Server;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
    await this.listen();
  }

  /** The port the health server listens on (useful when WORKER_HEALTH_PORT=0). */
  get port(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  private queues(): string[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker.name);
  }

  private async beat(): Promise<void> {
    const heartbeat: WorkerHeartbeat = {
      id: this.id,
      pid: process.pid,
      host: hostname(),
      startedAt: this.startedAt,
      beatAt: new Date().toISOString(),
      ready: !this.stopping,
      queues: this.queues(),
    };
    try {
      await writeWorkerHeartbeat(this.redis, this.config, heartbeat);
    } catch (error) {
      this.logger.warn(`heartbeat not written: ${(error as Error).message}`);
    }
  }

  private async readiness(): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const checks: Record<string, string> = {};
    const probe = async (name: string, check: () => Promise<unknown>) => {
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_500).unref()),
        ]);
        checks[name] = 'up';
      } catch (error) {
        checks[name] = `down: ${(error as Error).message}`;
      }
    };
    await Promise.all([
      probe('database', () => this.dataSource.query('SELECT 1')),
      probe('redis', () => this.redis.ping()),
    ]);
    checks.worker = this.stopping ? 'stopping' : 'running';
    return {
      ready: !this.stopping && Object.values(checks).every((value) => value === 'up' || value === 'running'),
      checks,
    };
  }

  private async listen(): Promise<void> {
    this.server = createServer((request, response) => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (request.url === '/health/live') {
        reply(200, { status: 'ok', worker: this.id });
      } else if (request.url === '/health/ready') {
        void this.readiness().then(({ ready, checks }) =>
          reply(ready ? 200 : 503, { status: ready ? 'ok' : 'error', checks }),
        );
      } else if (request.url === '/metrics') {
        if (!presentsMetricsToken(request.headers.authorization, this.config.metricsToken)) {
          reply(401, { status: 401, title: 'Metrics need METRICS_TOKEN as a bearer token' });
          return;
        }
        void this.metrics.render().then((text) => {
          response.writeHead(200, { 'content-type': this.metrics.contentType() }).end(text);
        });
      } else {
        reply(404, { status: 404, title: 'Not found' });
      }
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject).listen(this.config.worker.healthPort, '0.0.0.0', () => resolve());
    });
    this.logger.log(`worker health on port ${this.port} (/health/live, /health/ready, /metrics)`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await removeWorkerHeartbeat(this.redis, this.config, this.id).catch(() => undefined);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
