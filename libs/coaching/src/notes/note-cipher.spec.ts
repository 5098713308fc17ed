import { randomBytes } from 'node:crypto';
import { NoteCipher, NoteUnreadableError, noteKeyId } from './note-cipher';

describe('NoteCipher', () => {
  const key = Buffer.alloc(32, 1);
  const sessionId = '6f1c1d36-0000-4000-8000-000000000001';

  it('opens what it sealed, and never stores the plaintext', () => {
    const sut = new NoteCipher(key);
    const text = 'Anna twijfelt of ze groep 8 aankan; we oefenen het startgesprek. ✓';

    const sealed = sut.seal(text, sessionId);

    expect(sealed.keyId).toBe(noteKeyId(key));
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('groep 8');
    expect(sut.open(sealed, sessionId)).toBe(text);
  });

  it('uses a fresh IV for every note', () => {
    const sut = new NoteCipher(key);

    const first = sut.seal('zelfde tekst', sessionId);
    const second = sut.seal('zelfde tekst', sessionId);

    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(Buffer.from(first.ciphertext, 'base64').subarray(0, 12)).not.toEqual(
      Buffer.from(second.ciphertext, 'base64').subarray(0, 12),
    );
  });

  it.each([
    ['the IV', 0],
    ['the tag', 12],
    ['the ciphertext', 30],
  ])('refuses a note whose %s was changed', (_, offset) => {
    const sut = new NoteCipher(key);
    const sealed = sut.seal('vertrouwelijk verslag van het gesprek', sessionId);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[offset] ^= 0x01;

    expect(() => sut.open({ ...sealed, ciphertext: bytes.toString('base64') }, sessionId)).toThrow(NoteUnreadableError);
  });

  it('refuses a note copied onto another session', () => {
    const sut = new NoteCipher(key);
    const sealed = sut.seal('notitie', sessionId);

    expect(() => sut.open(sealed, '6f1c1d36-0000-4000-8000-000000000002')).toThrow(NoteUnreadableError);
  });

  it('refuses truncated input', () => {
    const sut = new NoteCipher(key);

    expect(() => sut.open({ ciphertext: 'AAAA', keyId: sut.currentKeyId }, sessionId)).toThrow(NoteUnreadableError);
  });

  it('after rotation, opens old notes with the previous key and seals new ones with the new key', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = new NoteCipher(oldKey);
    const oldNote = before.seal('van vorig jaar', sessionId);

    const sut = new NoteCipher(newKey, [oldKey]);
    const newNote = sut.seal('van dit jaar', sessionId);

    expect(sut.open(oldNote, sessionId)).toBe('van vorig jaar');
    expect(sut.isStale(oldNote)).toBe(true);
    expect(newNote.keyId).toBe(noteKeyId(newKey));
    expect(newNote.keyId).not.toBe(oldNote.keyId);
    expect(sut.isStale(newNote)).toBe(false);
    expect(() => before.open(newNote, sessionId)).toThrow(/unknown key/);
  });

  it('cannot open a note once its key is no longer configured', () => {
    const oldNote = new NoteCipher(randomBytes(32)).seal('weg', sessionId);

    expect(() => new NoteCipher(key).open(oldNote, sessionId)).toThrow(NoteUnreadableError);
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new NoteCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
