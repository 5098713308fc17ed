import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';

const TOKEN_IN_LINK = /\/api\/v1\/auth\/verify\?token=(lkl_[A-Za-z0-9_-]+)/;

describe('signing in with a link by mail', () => {
  let api: RunningApi;
  let worker: AppProcess;
  let smtp: SmtpSink;
  let db: DataSource;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    await worker.waitForOutput(/worker health on port/);
  });

  afterAll(async () => {
    worker.child.kill('SIGTERM');
    await worker.exited;
    await api.close();
    await db.destroy();
    await smtp.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function mailedToken(email: string): Promise<string> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mail = smtp.received.find((received) => received.envelopeTo.includes(email));
      if (mail) {
        smtp.received.splice(smtp.received.indexOf(mail), 1);
        const match = TOKEN_IN_LINK.exec(mail.parsed.text ?? '');
        if (!match) {
          throw new Error(`no sign-in link in the mail:\n${mail.parsed.text}`);
        }
        return match[1];
      }
      if (Date.now() > deadline) {
        throw new Error(`no mail to ${email}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function signInByMail(email: string, mode: 'bearer' | 'cookie' = 'bearer'): Promise<Response> {
    expect((await post('/api/v1/auth/login-link', { email })).status).toBe(202);
    return post('/api/v1/auth/verify', { token: await mailedToken(email), mode });
  }

  it("mails a link in the person's language that signs in once", async () => {
    const school = await factory(db).school();
    const person = await factory(db).person({
      givenName: 'Fleur',
      memberships: [{ schoolId: school.id, function: 'teacher' }],
    });

    const requested = await post('/api/v1/auth/login-link', { email: `  ${person.email.toUpperCase()} ` });
    expect(requested.status).toBe(202);
    const token = await mailedToken(person.email);
    const page = await fetch(`${api.url}/api/v1/auth/verify?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${token}"`);

    const verified = await post('/api/v1/auth/verify', { token, mode: 'bearer' });
    expect(verified.status).toBe(200);
    const tokens = await readJson(verified);
    expect(tokens).toMatchObject({ tokenType: 'Bearer', accessToken: expect.stringMatching(/^lka_/) });
    const me = await fetch(`${api.url}/api/v1/me`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(me.status).toBe(200);
    expect(await readJson(me)).toMatchObject({ id: person.id, roles: ['teacher'] });

    const again = await post('/api/v1/auth/verify', { token, mode: 'bearer' });
    expect(again.status).toBe(401);
    expect((await readJson(again)).code).toBe('login_link_invalid');
  });

  it('writes the mail in English for someone who prefers English', async () => {
    const person = await factory(db).person({ language: 'en' });

    await post('/api/v1/auth/login-link', { email: person.email });
    await smtp.waitForSubject('Your Leerkring sign-in link');
  });

  it('answers the same for an unknown address, and mails nothing', async () => {
    const known = await factory(db).person();
    const forKnown = await post('/api/v1/auth/login-link', { email: known.email });
    const forUnknown = await post('/api/v1/auth/login-link', { email: 'niemand@nergens.test' });

    expect(forUnknown.status).toBe(forKnown.status);
    expect(await readJson(forUnknown)).toEqual(await readJson(forKnown));
    await mailedToken(known.email);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.received.some((mail) => mail.envelopeTo.includes('niemand@nergens.test'))).toBe(false);
  });

  it('refuses an expired link', async () => {
    const person = await factory(db).person();
    await post('/api/v1/auth/login-link', { email: person.email });
    const token = await mailedToken(person.email);
    await db.query('UPDATE login_link SET expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE person_id = ?', [person.id]);

    const verified = await post('/api/v1/auth/verify', { token, mode: 'bearer' });

    expect(verified.status).toBe(401);
    expect((await readJson(verified)).code).toBe('login_link_invalid');
  });

  it('limits link requests per address with 429 and Retry-After', async () => {
    const person = await factory(db).person();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let attempt = 0; attempt < 7; attempt += 1) {
      last = await post('/api/v1/auth/login-link', { email: person.email });
      statuses.push(last.status);
    }

    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await readJson(last as Response)).code).toBe('rate_limited');
  });

  it('rotates refresh tokens and ends the session when an old one comes back', async () => {
    const person = await factory(db).person();
    const first = await readJson(await signInByMail(person.email));

    const refreshed = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const second = await readJson(refreshed);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const meWithNew = await fetch(`${api.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${second.accessToken}` },
    });
    expect(meWithNew.status).toBe(200);

    const replay = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    const afterReplay = await fetch(`${api.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${second.accessToken}` },
    });
    expect(afterReplay.status).toBe(401);
  });

  it('keeps a browser signed in with a secure httpOnly cookie until logout', async () => {
    const person = await factory(db).person();
    const verified = await signInByMail(person.email, 'cookie');
    expect(verified.status).toBe(200);
    const setCookie = verified.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^lk_session=lks_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];

    expect((await fetch(`${api.url}/api/v1/me`, { headers: { cookie } })).status).toBe(200);
    const logout = await post('/api/v1/auth/logout', {}, { cookie });
    expect(logout.status).toBe(204);
    expect((await fetch(`${api.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('revokes a bearer session on logout', async () => {
    const person = await factory(db).person();
    const { accessToken } = await readJson(await signInByMail(person.email));
    const headers = { authorization: `Bearer ${accessToken}` };

    expect((await post('/api/v1/auth/logout', {}, headers)).status).toBe(204);
    const after = await fetch(`${api.url}/api/v1/me`, { headers });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses an expired session and access token, and records when a session was last used', async () => {
    const person = await factory(db).person();
    const verified = await signInByMail(person.email, 'cookie');
    const cookie = (verified.headers.get('set-cookie') ?? '').split(';')[0];
    const { accessToken } = await readJson(await signInByMail(person.email));
    const bearer = { authorization: `Bearer ${accessToken}` };
    const lastSeen = async (kind: string) => {
      const [row] = await db.query<Array<{ last_seen_at: Date }>>(
        'SELECT last_seen_at FROM auth_session WHERE person_id = ? AND kind = ?',
        [person.id, kind],
      );
      return new Date(row.last_seen_at).getTime();
    };

    // Used an hour ago: this request moves "last seen" to now (within a minute it would not write).
    await db.query('UPDATE auth_session SET last_seen_at = NOW(3) - INTERVAL 1 HOUR WHERE person_id = ?', [person.id]);
    expect((await fetch(`${api.url}/api/v1/me`, { headers: { cookie } })).status).toBe(200);
    expect(Date.now() - (await lastSeen('cookie'))).toBeLessThan(60_000);
    expect(Date.now() - (await lastSeen('bearer'))).toBeGreaterThan(3_000_000);

    await db.query(
      "UPDATE auth_session SET access_expires_at = NOW(3) - INTERVAL 1 SECOND WHERE person_id = ? AND kind = 'bearer'",
      [person.id],
    );
    expect((await fetch(`${api.url}/api/v1/me`, { headers: bearer })).status).toBe(401);
    await db.query(
      "UPDATE auth_session SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE person_id = ? AND kind = 'cookie'",
      [person.id],
    );
    expect((await fetch(`${api.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('gives personal API tokens only their scopes, until revoked', async () => {
    const person = await factory(db).person();
    const { accessToken } = await readJson(await signInByMail(person.email));
    const session = { authorization: `Bearer ${accessToken}` };
    const created = await post('/api/v1/me/api-tokens', { name: 'Roosterkoppeling', scopes: ['read'] }, session);
    expect(created.status).toBe(201);
    const { id, token } = await readJson(created);
    const asToken = { authorization: `Bearer ${token}` };

    expect((await fetch(`${api.url}/api/v1/me`, { headers: asToken })).status).toBe(200);
    const write = await post('/api/v1/me/api-tokens', { name: 'nog een', scopes: ['read'] }, asToken);
    expect(write.status).toBe(403);
    expect((await readJson(write)).code).toBe('insufficient_scope');
    const listed = await readJson(await fetch(`${api.url}/api/v1/me/api-tokens`, { headers: session }));
    expect(JSON.stringify(listed)).not.toContain(token);

    const revoked = await fetch(`${api.url}/api/v1/me/api-tokens/${id}`, { method: 'DELETE', headers: session });
    expect(revoked.status).toBe(204);
    expect((await fetch(`${api.url}/api/v1/me`, { headers: asToken })).status).toBe(401);
  });

  it('stores only hashes of links, sessions and tokens', async () => {
    const person = await factory(db).person();
    const { accessToken, refreshToken } = await readJson(await signInByMail(person.email));

    const rows = JSON.stringify(await db.query('SELECT * FROM auth_session WHERE person_id = ?', [person.id]));
    expect(rows).not.toContain(accessToken.slice(4));
    expect(rows).not.toContain(refreshToken.slice(4));
  });
});
