import fc from 'fast-check';
import { hashToken, newToken, TOKEN_PREFIX, tokenKind, type TokenKind } from './tokens';

describe('tokens', () => {
  const kinds = Object.keys(TOKEN_PREFIX) as TokenKind[];

  it.each(kinds)('%s tokens carry their prefix, 256 random bits, and are told apart', (kind) => {
    const sut = newToken(kind);

    expect(sut.startsWith(TOKEN_PREFIX[kind])).toBe(true);
    expect(Buffer.from(sut.slice(4), 'base64url')).toHaveLength(32);
    expect(tokenKind(sut)).toBe(kind);
    expect(newToken(kind)).not.toBe(sut);
  });

  it('hash deterministically per secret, and differently for another secret', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 32 }),
        fc.string({ minLength: 32 }),
        (token, a, b) => {
          expect(hashToken(token, a)).toMatch(/^[0-9a-f]{64}$/);
          expect(hashToken(token, a)).toBe(hashToken(token, a));
          if (a !== b) {
            expect(hashToken(token, a)).not.toBe(hashToken(token, b));
          }
        },
      ),
    );
  });

  it('recognise nothing without a known prefix', () => {
    expect(tokenKind('Bearer abc')).toBeUndefined();
    expect(tokenKind('')).toBeUndefined();
  });
});
