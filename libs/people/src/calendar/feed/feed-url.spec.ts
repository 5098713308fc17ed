import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchFeedText, FeedFetchError } from './feed-fetch';
import { assertPublicHost, FeedUrlError, isNonPublicAddress, normalizeFeedUrl } from './feed-url';

describe('school calendar feed URLs', () => {
  it('accepts http(s) and reads webcal:// as https://', () => {
    expect(normalizeFeedUrl(' webcal://agenda.example.nl/school.ics ').toString()).toBe(
      'https://agenda.example.nl/school.ics',
    );
    expect(normalizeFeedUrl('https://agenda.example.nl/a.ics#x').toString()).toBe('https://agenda.example.nl/a.ics');
    expect(normalizeFeedUrl('http://agenda.example.nl/a.ics').protocol).toBe('http:');
  });

  it.each([
    ['', /empty/],
    ['agenda.example.nl/a.ics', /absolute/],
    ['ftp://agenda.example.nl/a.ics', /https:\/\//],
    ['file:///etc/passwd', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['https://user:secret@agenda.example.nl/a.ics', /user name or password/],
  ])('refuses %j', (raw, message) => {
    expect(() => normalizeFeedUrl(raw)).toThrow(FeedUrlError);
    expect(() => normalizeFeedUrl(raw)).toThrow(message);
  });

  it('refuses a URL over 2000 characters', () => {
    expect(() => normalizeFeedUrl(`https://agenda.example.nl/${'a'.repeat(2000)}`)).toThrow(/at most 2000/);
  });

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    'not-an-ip',
  ])('counts %s as not public', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('counts %s as public', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it('refuses loopback, private and localhost hosts unless private addresses are allowed', async () => {
    for (const url of ['http://127.0.0.1/a.ics', 'http://[::1]/a.ics', 'http://localhost/a.ics', 'http://10.0.0.8/']) {
      await expect(assertPublicHost(new URL(url), false)).rejects.toThrow(/private network/);
      await expect(assertPublicHost(new URL(url), true)).resolves.toBeUndefined();
    }
  });
});

describe('fetching a school calendar feed', () => {
  let server: Server;
  let base: string;
  const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
    '/ok.ics': (res) => res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'),
    '/big.ics': (res) => {
      res.write('x'.repeat(2048));
      res.end('x'.repeat(2048));
    },
    '/error.ics': (res) => {
      res.statusCode = 500;
      res.end('oops');
    },
    '/loop.ics': (res) => {
      res.statusCode = 302;
      res.setHeader('location', '/loop.ics');
      res.end();
    },
    '/to-ftp.ics': (res) => {
      res.statusCode = 301;
      res.setHeader('location', 'ftp://example.org/a.ics');
      res.end();
    },
    '/moved.ics': (res) => {
      res.statusCode = 301;
      res.setHeader('location', '/ok.ics');
      res.end();
    },
    '/slow.ics': () => undefined,
  };

  beforeAll(async () => {
    server = createServer((req, res) => (routes[req.url ?? ''] ?? ((r) => ((r.statusCode = 404), r.end())))(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (path: string, options: Partial<Parameters<typeof fetchFeedText>[1]> = {}) =>
    fetchFeedText(new URL(`${base}${path}`), { allowPrivate: true, ...options });

  it('returns the body and follows a redirect', async () => {
    await expect(get('/ok.ics')).resolves.toContain('BEGIN:VCALENDAR');
    await expect(get('/moved.ics')).resolves.toContain('BEGIN:VCALENDAR');
  });

  it('refuses a loopback address when private addresses are not allowed, by IP and by name', async () => {
    await expect(get('/ok.ics', { allowPrivate: false })).rejects.toThrow(/private network/);
    const port = (server.address() as AddressInfo).port;
    await expect(fetchFeedText(new URL(`http://localhost:${port}/ok.ics`), { allowPrivate: false })).rejects.toThrow(
      /private network/,
    );
  });

  it('gives a message for an error status, too big a body, too many redirects, a bad redirect and a timeout', async () => {
    await expect(get('/error.ics')).rejects.toThrow(new FeedFetchError('the feed server answered HTTP 500'));
    await expect(get('/big.ics', { maxBytes: 3000 })).rejects.toThrow(/larger than/);
    await expect(get('/loop.ics')).rejects.toThrow(/redirects more than 3 times/);
    await expect(get('/to-ftp.ics')).rejects.toThrow(/https:\/\//);
    await expect(get('/slow.ics', { timeoutMs: 200 })).rejects.toThrow(/did not answer within 0.2 seconds/);
  });
});
