import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export interface SealedNote {
  /** base64 of IV (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext. */
  ciphertext: string;
  /** Names the key that sealed it (a hash prefix of the key, never the key). */
  keyId: string;
}

/** A note that cannot be opened: its key is gone, or the stored bytes were changed. */
export class NoteUnreadableError extends Error {
  constructor(reason: string) {
    super(`The note cannot be decrypted: ${reason}`);
    this.name = 'NoteUnreadableError';
  }
}

/** The id under which a key's notes are stored: the first 12 hex digits of its SHA-256. */
export function noteKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/**
 * AES-256-GCM for confidential coaching notes. Every note gets a fresh random 12-byte IV; the
 * GCM tag makes any change to the stored bytes fail to decrypt. The additional data binds a
 * note to its session, so a ciphertext copied onto another session does not open there either.
 *
 * Rotation: seal with the current key; open with whichever known key the stored key id names
 * (current or previous). Re-sealing an old note (on its next edit) moves it to the current key.
 */
export class NoteCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(
    private readonly current: Buffer,
    previous: readonly Buffer[] = [],
  ) {
    for (const key of [current, ...previous]) {
      if (key.length !== KEY_BYTES) {
        throw new Error(`a notes key must be ${KEY_BYTES} bytes, got ${key.length}`);
      }
      this.keys.set(noteKeyId(key), key);
    }
    this.currentKeyId = noteKeyId(current);
  }

  seal(plaintext: string, associatedData: string): SealedNote {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
      keyId: this.currentKeyId,
    };
  }

  open(sealed: SealedNote, associatedData: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) {
      throw new NoteUnreadableError(`unknown key ${sealed.keyId}`);
    }
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) {
      throw new NoteUnreadableError('too short');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new NoteUnreadableError('authentication failed');
    }
  }

  /** Whether a stored note is under an older key (and would move to the current one on re-sealing). */
  isStale(sealed: Pick<SealedNote, 'keyId'>): boolean {
    return sealed.keyId !== this.currentKeyId;
  }
}
