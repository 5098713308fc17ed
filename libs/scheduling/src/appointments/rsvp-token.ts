import { createHmac, timingSafeEqual } from 'node:crypto';

export interface RsvpClaim {
  appointmentId: string;
  personId: string;
  version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: string, claim: RsvpClaim): Buffer {
  // A purpose prefix, so this HMAC can never be mistaken for another token made with APP_SECRET.
  return createHmac('sha256', secret)
    .update(`leerkring.rsvp|${claim.appointmentId}|${claim.personId}|${claim.version}`)
    .digest()
    .subarray(0, 24);
}

/**
 * The token in an invitation's accept / decline links: `{appointment}.{person}.{version}.{mac}`,
 * HMAC-SHA256 with APP_SECRET (192 bits kept). It names no one by name and lets its holder set
 * only that person's answer to that version of that appointment.
 */
export function signRsvpToken(secret: string, claim: RsvpClaim): string {
  return `${claim.appointmentId}.${claim.personId}.${claim.version}.${signature(secret, claim).toString('base64url')}`;
}

/** The claim of a genuine token; null for anything malformed or tampered with. */
export function verifyRsvpToken(secret: string, token: string): RsvpClaim | null {
  const parts = token.split('.');
  if (parts.length !== 4) {
    return null;
  }
  const [appointmentId, personId, versionText, mac] = parts;
  if (!UUID.test(appointmentId) || !UUID.test(personId) || !/^(0|[1-9]\d{0,8})$/.test(versionText)) {
    return null;
  }
  const claim = { appointmentId, personId, version: Number(versionText) };
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(secret, claim);
  return given.length === expected.length && timingSafeEqual(given, expected) ? claim : null;
}
