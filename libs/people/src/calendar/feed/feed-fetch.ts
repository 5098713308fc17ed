import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { FeedUrlError, hostOf, isNonPublicAddress, normalizeFeedUrl } from './feed-url';

export interface FeedFetchOptions {
  /** Fetch from loopback and private addresses too (CALENDAR_FEED_ALLOW_PRIVATE; tests, intranets). */
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export const FEED_TIMEOUT_MS = 10_000;
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
export const FEED_MAX_REDIRECTS = 3;

/** A fetch that did not give a calendar; the message is stored and shown to admins. */
export class FeedFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

/**
 * A DNS lookup that refuses non-public addresses, so the check holds at connect time (a name
 * that resolved to a public address when the URL was saved cannot be pointed inward later).
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 4);
        return;
      }
      const list = addresses;
      const refused = !allowPrivate && list.some((entry) => isNonPublicAddress(entry.address));
      if (refused || list.length === 0) {
        callback(Object.assign(new Error('the feed host resolves to a private address'), { code: 'EPRIVATE' }), '', 4);
        return;
      }
      if (options.all) {
        (callback as unknown as (err: null, all: LookupAddress[]) => void)(null, list);
      } else {
        callback(null, list[0].address, list[0].family);
      }
    });
  };
}

function getOnce(url: URL, options: Required<FeedFetchOptions>, signal: AbortSignal): Promise<IncomingMessage> {
  const host = hostOf(url);
  if (isIP(host) && !options.allowPrivate && isNonPublicAddress(host)) {
    return Promise.reject(new FeedUrlError('the feed URL points to this server or a private network'));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        signal,
        lookup: guardedLookup(options.allowPrivate),
        headers: { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1', 'user-agent': 'Leerkring calendar sync' },
      },
      resolve,
    );
    request.on('error', reject);
  });
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new FeedFetchError(`the feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw new FeedFetchError(`the feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof FeedFetchError || error instanceof FeedUrlError) {
    return error.message;
  }
  const err = error as NodeJS.ErrnoException;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') {
    return `the feed did not answer within ${timeoutMs / 1000} seconds`;
  }
  switch (err.code) {
    case 'EPRIVATE':
      return 'the feed URL points to this server or a private network';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the feed host was not found';
    case 'ECONNREFUSED':
      return 'the feed server refused the connection';
    case 'ECONNRESET':
      return 'the feed server closed the connection';
    default:
      return err.code ? `the feed could not be fetched (${err.code})` : 'the feed could not be fetched';
  }
}

/**
 * Fetches a feed's text: GET with a timeout over the whole exchange, at most `maxBytes`, at most
 * `maxRedirects` redirects (each one checked like the URL itself). Throws FeedFetchError with a
 * message fit for the admin.
 */
export async function fetchFeedText(start: URL, input: FeedFetchOptions): Promise<string> {
  const options: Required<FeedFetchOptions> = {
    timeoutMs: FEED_TIMEOUT_MS,
    maxBytes: FEED_MAX_BYTES,
    maxRedirects: FEED_MAX_REDIRECTS,
    ...input,
  };
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = start;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await getOnce(url, options, signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (redirects >= options.maxRedirects) {
          throw new FeedFetchError(`the feed redirects more than ${options.maxRedirects} times`);
        }
        url = normalizeFeedUrl(new URL(response.headers.location, url).toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new FeedFetchError(`the feed server answered HTTP ${status}`);
      }
      return (await readBody(response, options.maxBytes)).toString('utf8');
    }
  } catch (error) {
    throw new FeedFetchError(describeError(error, options.timeoutMs));
  }
}
