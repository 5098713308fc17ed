import fc from 'fast-check';
import { signRsvpToken, verifyRsvpToken } from './rsvp-token';

const SECRET = 'test-secret';

describe('RSVP tokens', () => {
  it('verifies its own tokens and nothing that was changed (property)', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        fc.nat({ max: 1_000_000 }),
        fc.nat(),
        (appointmentId, personId, version, at) => {
          const claim = { appointmentId, personId, version };
          const sut = signRsvpToken(SECRET, claim);
          expect(verifyRsvpToken(SECRET, sut)).toEqual(claim);
          expect(verifyRsvpToken('another-secret', sut)).toBeNull();
          const position = at % sut.length;
          const flipped = sut.slice(0, position) + (sut[position] === 'a' ? 'b' : 'a') + sut.slice(position + 1);
          expect(verifyRsvpToken(SECRET, flipped)).toBeNull();
        },
      ),
    );
  });

  it('refuses another version, person or appointment under the same signature', () => {
    const claim = {
      appointmentId: '0d6f3c8e-2b11-4c1e-9a57-5f0c1f5e3c2a',
      personId: '9a575f0c-1f5e-4c2a-8c1e-0d6f3c8e2b11',
      version: 2,
    };
    const [a, p, , mac] = signRsvpToken(SECRET, claim).split('.');
    expect(verifyRsvpToken(SECRET, `${a}.${p}.3.${mac}`)).toBeNull();
    expect(verifyRsvpToken(SECRET, `${p}.${a}.2.${mac}`)).toBeNull();
    expect(verifyRsvpToken(SECRET, '')).toBeNull();
    expect(verifyRsvpToken(SECRET, 'a.b.c.d')).toBeNull();
  });
});
