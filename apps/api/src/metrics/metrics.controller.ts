import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { VERSION_NEUTRAL } from '@nestjs/common';
import { APP_CONFIG, ApiException, ErrorCode, Metrics, presentsMetricsToken, type AppConfig } from '@leerkring/core';
import { JobQueue, QueueName } from '@leerkring/notifications';
import { Authenticator, credentialOf, Public } from '@leerkring/people';

/**
 * Prometheus metrics of this API process, plus what is the same for every process and read when
 * scraped: queue depths and the age of the oldest waiting job per queue, and the mails per
 * status in the sent-log. Workers serve their own (mails sent, reminder lateness) on their
 * health port.
 */
@ApiTags('health')
@Public()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    jobs: JobQueue,
    private readonly authenticator: Authenticator,
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Read at scrape time (prom-client calls collect on each scrape).
    new Gauge({
      name: 'leerkring_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [metrics.registry],
      async collect() {
        for (const [queue, counts] of Object.entries(await jobs.counts())) {
          for (const [state, count] of Object.entries(counts)) {
            this.set({ queue, state }, count);
          }
        }
      },
    });
    new Gauge({
      name: 'leerkring_queue_oldest_waiting_seconds',
      help: 'Age of the oldest job waiting to be picked up, per queue (0 when none waits)',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
      async collect() {
        for (const name of Object.values(QueueName)) {
          const [oldest] = await jobs.queue(name).getWaiting(0, 0);
          this.set({ queue: name }, oldest ? Math.max(0, Date.now() - oldest.timestamp) / 1000 : 0);
        }
      },
    });
    new Gauge({
      name: 'leerkring_mail_messages',
      help: 'Mails in the sent-log per status (queued, sending, sent, failed)',
      labelNames: ['status'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const rows = await dataSource.query<Array<{ status: string; count: string }>>(
          'SELECT status, COUNT(*) AS count FROM mail_message GROUP BY status',
        );
        for (const row of rows) {
          this.set({ status: row.status }, Number(row.count));
        }
      },
    });
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics',
    description: 'For Prometheus with `Authorization: Bearer <METRICS_TOKEN>`, or an admin. Text exposition format.',
  })
  @ApiOkResponse({ description: 'Metrics', content: { 'text/plain': { schema: { type: 'string' } } } })
  async render(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!presentsMetricsToken(request.headers.authorization, this.config.metricsToken)) {
      const token = credentialOf(request);
      const caller = token ? await this.authenticator.authenticate(token) : null;
      if (!caller) {
        throw new ApiException(401, ErrorCode.Unauthenticated, 'Authentication required', {
          detail: 'Send METRICS_TOKEN as a bearer token, or sign in as an admin.',
        });
      }
      if (!caller.actor.isAdmin) {
        throw new ApiException(403, ErrorCode.Forbidden, 'Not allowed', { detail: 'Metrics are for admins.' });
      }
    }
    response
      .status(200)
      .type(this.metrics.contentType())
      .send(await this.metrics.render());
  }
}
