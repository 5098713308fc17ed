import { createHmac, timingSafeEqual } from 'node:crypto';

export interface OfferClaim {
  registrationId: string;
  /** The registration's offer round: a link from an earlier offer no longer answers a later one. */
  round: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: string, claim: OfferClaim): Buffer {
  // A purpose prefix, so this HMAC can never be mistaken for another token made with APP_SECRET.
  return createHmac('sha256', secret)
    .update(`leerkring.theme-offer|${claim.registrationId}|${claim.round}`)
    .digest()
    .subarray(0, 24);
}

/** The token in a waitlist offer's accept / decline links: `{registration}.{round}.{mac}`. */
export function signOfferToken(secret: string, claim: OfferClaim): string {
  return `${claim.registrationId}.${claim.round}.${signature(secret, claim).toString('base64url')}`;
}

/** The claim of a genuine token; null for anything malformed or tampered with. */
export function verifyOfferToken(secret: string, token: string): OfferClaim | null {
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
  const expected = signature(secret, claim);
  return given.length === expected.length && timingSafeEqual(given, expected) ? claim : null;
}
