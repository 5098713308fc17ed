import { VersioningType, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, createValidationPipe, Metrics, ProblemDetailsFilter, type AppConfig } from '@leerkring/core';
import { AppModule } from './app.module';
import { serveOpenApi } from './openapi';
import { measureRequests } from './metrics/measure-requests';
import { applySecurity } from './security';
import { serveWebApp } from './web-app';

/** Everything about HTTP that is not a route: security headers, body limits, prefix, versions, validation, errors. */
export function configureHttp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  applySecurity(app, app.get<AppConfig>(APP_CONFIG));
  measureRequests(app, app.get(Metrics));
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
}

/**
 * Builds the API exactly as production runs it; main.ts and the end-to-end tests both use this,
 * so the tests exercise the real pipes, filters and routes.
 */
export async function createApiApp(module: Type = AppModule): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  configureHttp(app);
  serveOpenApi(app);
  serveWebApp(app);
  return app;
}
