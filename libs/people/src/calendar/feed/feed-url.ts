import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Longest feed URL we store. */
export const MAX_FEED_URL_LENGTH = 2_000;

/** Why a feed URL is refused; the message is shown to the admin as is. */
export class FeedUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedUrlError';
  }
}

/**
 * Reads a feed URL as an admin types it: http(s) only, `webcal://` (how calendar apps publish
 * subscriptions) read as https, no user name or password in it. Returns the URL to store.
 */
export function normalizeFeedUrl(raw: string): URL {
  const text = raw.trim();
  if (text.length === 0) {
    throw new FeedUrlError('url must not be empty');
  }
  if (text.length > MAX_FEED_URL_LENGTH) {
    throw new FeedUrlError(`url must be at most ${MAX_FEED_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(text.replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw new FeedUrlError('url must be an absolute http(s) or webcal URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FeedUrlError('url must start with https://, http:// or webcal://');
  }
  if (url.username || url.password) {
    throw new FeedUrlError('url must not contain a user name or password');
  }
  if (!url.hostname) {
    throw new FeedUrlError('url must name a host');
  }
  url.hash = '';
  return url;
}

// Addresses a server must not be made to fetch from: loopback, private networks, link-local
// (cloud metadata at 169.254.169.254), carrier-grade NAT, "this network", multicast, reserved.
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** Is this IP address loopback, private, link-local or otherwise not on the public internet? */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) {
    return BLOCKED.check(address, 'ipv4');
  }
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) {
      return BLOCKED.check(mapped[1], 'ipv4');
    }
    return BLOCKED.check(address, 'ipv6');
  }
  return true;
}

/** The host of a URL without the brackets of an IPv6 literal. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks that every address the host resolves to is public (unless `allowPrivate`). A host that
 * does not resolve is refused too. The fetch checks again at connect time (see feed-fetch.ts).
 */
export async function assertPublicHost(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) {
    return;
  }
  const host = hostOf(url);
  if (host.toLowerCase() === 'localhost' || host.toLowerCase().endsWith('.localhost')) {
    throw new FeedUrlError('url must not point to this server or a private network');
  }
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw new FeedUrlError(`the host ${host} was not found`);
    }
  }
  if (addresses.length === 0 || addresses.some(isNonPublicAddress)) {
    throw new FeedUrlError('url must not point to this server or a private network');
  }
}
