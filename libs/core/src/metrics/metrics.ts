import { timingSafeEqual } from 'node:crypto';
import { Global, Injectable, Module } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * This process's Prometheus metrics, in a registry of its own (not prom-client's global one, so
 * tests that boot several apps in one process do not collide). The API serves them at
 * /api/metrics, each worker on its health port at /metrics; both need METRICS_TOKEN (or, on
 * the API, an admin session).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'leerkring_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly mailsSent = new Counter({
    name: 'leerkring_mails_sent_total',
    help: 'Mails the mail server accepted, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly mailsFailed = new Counter({
    name: 'leerkring_mails_failed_total',
    help: 'Mails refused for good (5xx), by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly reminderLateness = new Histogram({
    name: 'leerkring_reminder_lateness_seconds',
    help: 'How long after its due time a reminder job ran',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'leerkring_' });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Is `Authorization: Bearer <token>` the configured metrics token? Constant-time; false when none is configured. */
export function presentsMetricsToken(authorization: string | undefined, token: string | undefined): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token || !presented) {
    return false;
  }
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** One Metrics per process, for whoever asks. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
