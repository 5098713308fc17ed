import { createHmac, timingSafeEqual } from 'node:crypto';

export interface OfferClaim {
  registrationId: string;
  /** The registration's offer round: a link from an earlier offer no longer answers a later one. */
  round: number;
}

/** What a registration's signed link is for; part of the signed text, so one never passes for the other. */
type LinkPurpose = 'theme-offer' | 'theme-evaluation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: string, purpose: LinkPurpose, claim: OfferClaim): Buffer {
  // A purpose prefix, so this HMAC can never be mistaken for another token made with APP_SECRET.
  return createHmac('sha256', secret)
    .update(`leerkring.${purpose}|${claim.registrationId}|${claim.round}`)
    .digest()
    .subarray(0, 24);
}

function sign(secret: string, purpose: LinkPurpose, claim: OfferClaim): string {
  return `${claim.registrationId}.${claim.round}.${signature(secret, purpose, claim).toString('base64url')}`;
}

function verify(secret: string, purpose: LinkPurpose, token: string): OfferClaim | null {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  const [registrationId, roundText, mac] = parts;
  if (!UUID.test(registrationId) || !/^[1-9]\d{0,8}$/.test(roundText)) {
    return null;
  }
  const claim = { registrationId, round: Number(roundText) };
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(secret, purpose, claim);
  return given.length === expected.length && timingSafeEqual(given, expected) ? claim : null;
}

/** The token in a waitlist offer's accept / decline links: `{registration}.{round}.{mac}`. */
export function signOfferToken(secret: string, claim: OfferClaim): string {
  return sign(secret, 'theme-offer', claim);
}

/** The claim of a genuine offer token; null for anything malformed or tampered with. */
export function verifyOfferToken(secret: string, token: string): OfferClaim | null {
  return verify(secret, 'theme-offer', token);
}

/** The token in the evaluation mail's link after a meeting: the registration, signed. */
export function signEvaluationToken(secret: string, registrationId: string): string {
  return sign(secret, 'theme-evaluation', { registrationId, round: 1 });
}

/** The registration of a genuine evaluation token; null otherwise (an offer token included). */
export function verifyEvaluationToken(secret: string, token: string): string | null {
  return verify(secret, 'theme-evaluation', token)?.registrationId ?? null;
}
