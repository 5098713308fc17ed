import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '@leerkring/core';

/**
 * Security headers on every response (helmet), and CORS only for the origins configured in
 * CORS_ORIGINS: the web app is served by the API itself, so by default no other origin may call
 * it from a browser. Cross-site request forgery against cookie sessions is refused by the
 * AccessGuard (libs/people), which checks the Origin of state-changing requests.
 */
export function applySecurity(app: NestExpressApplication, config: AppConfig): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // The server-rendered pages (RSVP, sign-in) and Swagger UI carry a <style> block.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Calendar apps fetch the .ics feed from anywhere; it carries its own token.
      crossOriginResourcePolicy: { policy: 'same-site' },
      strictTransportSecurity: config.nodeEnv === 'production' ? { maxAge: 15_552_000 } : false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'],
      exposedHeaders: ['ETag', 'Retry-After', 'Location'],
      maxAge: 600,
    });
  }
}
