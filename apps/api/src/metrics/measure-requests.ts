import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '@leerkring/core';

/**
 * Times every request into `leerkring_http_request_duration_seconds`, labelled by the route
 * template (`/api/v1/appointments/:id`, never the id itself, so the label set stays small).
 */
export function measureRequests(app: NestExpressApplication, metrics: Metrics): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      metrics.httpDuration.observe(
        {
          method: request.method,
          route: route ? `${request.baseUrl}${route}` : request.path.startsWith('/api') ? 'unmatched' : 'web',
          status: String(response.statusCode),
        },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  });
}
