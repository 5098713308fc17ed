// First: PUBLIC_URL must be set before the API's modules load (see web-env.ts).
import { WEB_PORT, WEB_URL } from './web-env';
import type { INestApplication } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { openTestDataSource } from '@leerkring/testing/database';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { BrowserVisitors, launchChromium, startWebApi } from './browser';

export interface WebTestBedOptions {
  /** A mail sink, and the worker process sending the mails to it. */
  mail?: boolean;
  /** The worker process (also without mail), with these settings beside the test's own. */
  workerEnv?: Record<string, string>;
}

export interface WebServices {
  db: DataSource;
  api: INestApplication;
  browser: Browser;
  /** With `mail` only. */
  smtp: SmtpSink;
  /** With `mail` or `workerEnv` only. */
  worker: AppProcess;
}

/**
 * What every browser test stands on: its database, the real API serving the built web app on
 * WEB_PORT, Debian's Chromium, the visitors (signed-in pages, API calls, axe), and when asked a
 * mail sink with the worker process sending to it. `start()` in `beforeAll`, `stop()` in
 * `afterAll`; `stop()` closes what was opened, also after a failed start.
 */
export class WebTestBed {
  private services: Partial<WebServices> = {};
  readonly visitors = new BrowserVisitors(
    () => this.services.browser!,
    () => this.services.api!,
    WEB_URL,
  );

  constructor(private readonly options: WebTestBedOptions = {}) {}

  async start(): Promise<WebServices> {
    const services = this.services;
    if (this.options.mail) {
      services.smtp = new SmtpSink();
      await services.smtp.start();
    }
    services.db = await openTestDataSource();
    services.api = await startWebApi(WEB_PORT);
    if (this.options.mail || this.options.workerEnv) {
      services.worker = startAppProcess('worker', {
        ...(services.smtp ? { SMTP_URL: services.smtp.url } : {}),
        PUBLIC_URL: WEB_URL,
        LOG_LEVEL: 'info',
        ...this.options.workerEnv,
      });
    }
    services.browser = await launchChromium();
    await services.worker?.waitForOutput(/worker started/, 90_000);
    return services as WebServices;
  }

  async stop(): Promise<void> {
    const { browser, worker, api, db, smtp } = this.services;
    await this.visitors.close();
    await browser?.close();
    if (worker) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  }
}
