import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * A caller-supplied request id is kept when it looks harmless (so a load balancer's id follows
 * the request through our logs); otherwise we make one. It is echoed in the response header.
 */
export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers[REQUEST_ID_HEADER];
  const id = typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * Some paths carry a credential: the personal calendar feed (`/calendar/lkf_….ics`) and RSVP
 * links (`/rsvp/<signed token>`). Those segments never reach a log line.
 */
export function loggablePath(url: string): string {
  return url
    .split('?')[0]
    .replace(/\blk[a-z]_[A-Za-z0-9_-]+/g, 'lk*_[redacted]')
    .replace(/(\/rsvp\/)[^/]+/, '$1[redacted]');
}

export function pinoOptions(config: AppConfig, service: string): Options {
  return {
    level: config.log.level,
    base: { service },
    genReqId: requestIdFor,
    // Query strings can hold tokens (login links, calendar feeds) and bodies personal data:
    // neither is logged. Only method, path and status.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggablePath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'res.headers', '*.email', '*.password', '*.token'], remove: true },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
    transport:
      config.log.format === 'pretty'
        ? {
            target: 'pino-pretty',
            options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          }
        : undefined,
  };
}

/** Structured JSON logs with a request id on every line of a request; pretty in development. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ pinoHttp: pinoOptions(config, process.title || 'leerkring') }),
    }),
  ],
})
export class LoggingModule {}
