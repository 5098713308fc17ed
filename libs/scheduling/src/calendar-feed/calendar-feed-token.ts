import { createHmac, randomBytes } from 'node:crypto';

/** Recognisable prefix of calendar feed tokens (and for secret scanners), like `lkp_` for API tokens. */
export const FEED_TOKEN_PREFIX = 'lkf_';

const FEED_TOKEN = /^lkf_[A-Za-z0-9_-]{43}$/;

/** 256 random bits, URL-safe, with the feed prefix. */
export function newFeedToken(): string {
  return `${FEED_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether it has the shape of a feed token; anything else is refused without a database look-up. */
export function isFeedToken(value: string): boolean {
  return FEED_TOKEN.test(value);
}

/** What is stored instead of the token: an HMAC-SHA256 keyed with APP_SECRET, as for the other tokens. */
export function hashFeedToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
