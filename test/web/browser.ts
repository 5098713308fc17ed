import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { INestApplication } from '@nestjs/common';
import { Sessions } from '@leerkring/people';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { signIn } from '../support/auth';
import { prepareTestDatabase } from '../support/database';
import type { SmtpSink, ReceivedMail } from '../support/smtp-sink';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '../../reports/screenshots');

/** The real API (serving the built web app at /) on the port web-env.ts chose for PUBLIC_URL. */
export async function startWebApi(port: number): Promise<INestApplication> {
  await prepareTestDatabase();
  const app = await createApiApp();
  await app.listen(port, '127.0.0.1');
  return app;
}

/** Debian's Chromium, headless; playwright gives every launch a fresh, temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Dutch, in Amsterdam; CSP bypassed only so that the tests can inject axe-core. */
export const CONTEXT_OPTIONS = { locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', bypassCSP: true } as const;

/** A browser context already signed in as this person, with a real cookie session. */
export async function signedInContext(
  browser: Browser,
  api: INestApplication,
  baseURL: string,
  personId: string,
): Promise<BrowserContext> {
  const session = await api.get(Sessions).start(personId, 'cookie', 'test');
  if (session.kind !== 'cookie') {
    throw new Error('expected a cookie session');
  }
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL });
  await context.addCookies([
    { name: 'lk_session', value: session.sessionToken, url: baseURL, httpOnly: true, secure: true, sameSite: 'Lax' },
  ]);
  return context;
}

/**
 * What every browser test does with its people: open a page signed in as one of them, call the
 * API as one of them (for set-up the page is not about), check a page with axe, and close the
 * contexts it opened.
 */
export class BrowserVisitors {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly api: () => INestApplication,
    private readonly baseURL: string,
  ) {}

  /** Arrow properties, so a test can take them apart: `const { asPerson } = visitors`. */
  readonly asPerson = async (person: { id: string }): Promise<Page> => {
    const context = await signedInContext(this.browser(), this.api(), this.baseURL, person.id);
    this.contexts.push(context);
    return context.newPage();
  };

  /** A page of a visitor not signed in. */
  readonly anonymous = async (): Promise<Page> => {
    const context = await this.browser().newContext({ ...CONTEXT_OPTIONS, baseURL: this.baseURL });
    this.contexts.push(context);
    return context.newPage();
  };

  readonly apiCall = async (
    person: { id: string },
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response> => {
    const api = this.api();
    const headers = await signIn({ app: api, url: this.baseURL, close: () => api.close() }, person.id);
    return fetch(`${this.baseURL}/api/v1${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };

  readonly expectAccessible = async (page: Page): Promise<void> => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  };

  async close(): Promise<void> {
    for (const context of this.contexts.splice(0)) {
      await context.close();
    }
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now; the serious and critical findings. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    // Runs in the page (this program has no DOM types): window.axe on window.document.
    const page = globalThis as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<unknown> };
      document: unknown;
    };
    const result = (await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** The first mail to this address whose subject matches, removed from the sink's list. */
export async function mailTo(
  smtp: SmtpSink,
  address: string,
  subject: RegExp,
  timeoutMs = 30_000,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = smtp.received.find((m) => m.envelopeTo.includes(address) && subject.test(m.parsed.subject ?? ''));
    if (mail) {
      smtp.received.splice(smtp.received.indexOf(mail), 1);
      return mail;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no mail to ${address} matching ${subject}; got: ${smtp.received.map((m) => `${m.envelopeTo.join(',')}: ${m.parsed.subject}`).join('; ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Today in Amsterdam plus `days`, as YYYY-MM-DD. */
export function amsterdamDate(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}
