import type { DataSource } from 'typeorm';
import { SESSION_COOKIE, Sessions } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

describe('security by default: headers, CORS, cross-site requests with the session cookie', () => {
  let api: RunningApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    db = await openTestDataSource();
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  it('sends security headers on API answers and errors alike', async () => {
    for (const path of ['/api/health/live', '/api/v1/no-such-route', '/api/v1/me']) {
      const response = await fetch(`${api.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('allows no other origin by CORS unless configured', async () => {
    const preflight = await fetch(`${api.url}/api/v1/me`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses a change made with the session cookie from another site, and allows it from our own pages', async () => {
    const person = await factory(db).person();
    const session = await api.app.get(Sessions).start(person.id, 'cookie', 'test');
    if (session.kind !== 'cookie') {
      throw new Error('expected a cookie session');
    }
    const patch = (headers: Record<string, string>) =>
      fetch(`${api.url}/api/v1/me`, {
        method: 'PATCH',
        headers: {
          cookie: `${SESSION_COOKIE}=${session.sessionToken}`,
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({ language: 'en' }),
      });

    const crossSite: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.leerkring.test' },
    ];
    for (const headers of crossSite) {
      const refused = await patch(headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await readJson(refused)).toMatchObject({ code: 'cross_site_request' });
    }
    expect(
      (await db.query<Array<{ language: string }>>('SELECT language FROM person WHERE id = ?', [person.id]))[0],
    ).toEqual({
      language: 'nl',
    });

    expect((await patch({ origin: api.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await patch({ origin: 'http://leerkring.test' })).status).toBe(200); // PUBLIC_URL's origin
    expect((await patch({})).status).toBe(200); // not a browser: no CSRF risk
    // Reading with the cookie from anywhere is harmless (CORS keeps the answer from the other site).
    expect(
      (
        await fetch(`${api.url}/api/v1/me`, {
          headers: { cookie: `${SESSION_COOKIE}=${session.sessionToken}`, origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(200);
  });

  it('does not apply the cookie rule to bearer tokens, which a foreign page cannot send', async () => {
    const person = await factory(db).person();
    const response = await fetch(`${api.url}/api/v1/me`, {
      method: 'PATCH',
      headers: {
        ...(await signIn(api, person.id)),
        'content-type': 'application/json',
        origin: 'https://evil.example',
      },
      body: JSON.stringify({ language: 'en' }),
    });
    expect(response.status).toBe(200);
  });
});
