import { randomBytes } from 'node:crypto';

// Imported first by notes-maintenance.e2e-spec.ts, before the app reads its configuration: a key
// from before a rotation, which the app may still open notes with.
export const PREVIOUS_NOTES_KEY = randomBytes(32);
process.env.NOTES_ENCRYPTION_KEY_PREVIOUS = PREVIOUS_NOTES_KEY.toString('base64');
