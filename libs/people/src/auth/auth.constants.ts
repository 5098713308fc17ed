/** Lifetimes of credentials. Short access tokens, so a leaked one is useful only briefly. */
export const LOGIN_LINK_TTL_MS = 15 * 60_000;
export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
/** A session, cookie or bearer, ends after this however active it is. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 3600_000;

export const SESSION_COOKIE = 'lk_session';

/** Login-link requests: per email address and per client IP, per 15 minutes. */
export const LOGIN_LIMIT_PER_EMAIL = { name: 'login-email', limit: 5, windowSeconds: 15 * 60 };
export const LOGIN_LIMIT_PER_IP = { name: 'login-ip', limit: 30, windowSeconds: 15 * 60 };
/** Attempts to redeem a link (guessing is hopeless at 256 bits, but we still cap it). */
export const VERIFY_LIMIT_PER_IP = { name: 'verify-ip', limit: 60, windowSeconds: 15 * 60 };
