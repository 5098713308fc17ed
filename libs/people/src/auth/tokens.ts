import { createHmac, randomBytes } from 'node:crypto';

/** Token kinds, recognisable by their prefix (and by secret scanners). */
export const TOKEN_PREFIX = {
  loginLink: 'lkl_',
  session: 'lks_',
  access: 'lka_',
  refresh: 'lkr_',
  apiToken: 'lkp_',
} as const;

export type TokenKind = keyof typeof TOKEN_PREFIX;

/** 256 random bits, URL-safe, with the kind's prefix. */
export function newToken(kind: TokenKind): string {
  return `${TOKEN_PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
}

/** What we store instead of a token: an HMAC keyed with APP_SECRET, so a database copy alone is useless. */
export function hashToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export function tokenKind(token: string): TokenKind | undefined {
  return (Object.keys(TOKEN_PREFIX) as TokenKind[]).find((kind) => token.startsWith(TOKEN_PREFIX[kind]));
}
