import { PREVIOUS_NOTES_KEY } from './previous-key-env';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NoteCipher, NotesMaintenance } from '@leerkring/coaching';
import { Retention, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';

interface NoteRow {
  note_ciphertext: string | null;
  note_key_id: string | null;
}

describe('confidential notes over time: retention after closing, re-encryption after a key rotation', () => {
  let api: RunningApi;
  let db: DataSource;
  let make: ReturnType<typeof factory>;
  let school: School;

  beforeAll(async () => {
    api = await startApi();
    db = await openTestDataSource();
    make = factory(db);
    school = await make.school();
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  /** A trajectory with one session whose note says `text`, as coach and coachee would make it. */
  async function sessionWithNote(text: string) {
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'werkbegeleider' }] });
    const coachee = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const headers: Record<string, string> = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
    const call = (method: string, path: string, body?: unknown, who = headers) =>
      fetch(`${api.url}/api/v1${path}`, {
        method,
        headers: who,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const trajectory = await call('POST', '/coaching/trajectories', {
      coacheePersonId: coachee.id,
      schoolId: school.id,
      coachingQuestion: 'Hoe geef ik duidelijke instructie?',
      goals: 'Kortere instructie',
      method: 'grow',
      plannedSessions: 3,
      startDate: '2027-09-06',
    });
    expect(trajectory.status).toBe(201);
    const { id } = await readJson(trajectory);
    const session = await call('POST', `/coaching/trajectories/${id}/sessions`, uniqueSlot());
    expect(session.status).toBe(201);
    const sessionId = (await readJson(session)).id as string;
    expect((await call('PUT', `/coaching/sessions/${sessionId}/note`, { text })).status).toBe(200);
    const coacheeHeaders = await signIn(api, coachee.id);
    const readNote = async () => {
      const response = await call('GET', `/coaching/sessions/${sessionId}/note`, undefined, coacheeHeaders);
      return response.status === 200 ? ((await readJson(response)).text as string | null) : `status ${response.status}`;
    };
    return { trajectoryId: id as string, sessionId, coach, readNote };
  }

  const noteRow = async (sessionId: string) =>
    (
      await db.query<NoteRow[]>('SELECT note_ciphertext, note_key_id FROM coaching_session WHERE id = ?', [sessionId])
    )[0];

  it('deletes the notes of trajectories closed longer ago than RETENTION_NOTES_MONTHS, and keeps the rest', async () => {
    const old = await sessionWithNote('Oud verhaal');
    const recent = await sessionWithNote('Recent verhaal');
    const open = await sessionWithNote('Loopt nog');
    await db.query("UPDATE coaching_trajectory SET status = 'closed', closed_at = ? WHERE id = ?", [
      new Date(Date.now() - 25 * 31 * 86_400_000), // beyond the default 24 months
      old.trajectoryId,
    ]);
    await db.query("UPDATE coaching_trajectory SET status = 'closed', closed_at = ? WHERE id = ?", [
      new Date(Date.now() - 30 * 86_400_000),
      recent.trajectoryId,
    ]);

    const touched = await api.app.get(Retention).run();
    expect(touched['confidential notes of trajectories closed over 24 months ago']).toBeGreaterThanOrEqual(1);

    expect(await noteRow(old.sessionId)).toEqual({ note_ciphertext: null, note_key_id: null });
    expect(await recent.readNote()).toBe('Recent verhaal');
    expect(await open.readNote()).toBe('Loopt nog');
  });

  it('moves notes sealed with the previous key to the current one; a note under an unknown key is left and reported', async () => {
    const rotated = await sessionWithNote('placeholder');
    const lost = await sessionWithNote('placeholder');
    const current = await noteRow(rotated.sessionId);
    // As written before the rotation: sealed with the previous key.
    const before = new NoteCipher(PREVIOUS_NOTES_KEY).seal('Van voor de sleutelwissel', rotated.sessionId);
    const unknown = new NoteCipher(randomBytes(32)).seal('Sleutel kwijt', lost.sessionId);
    for (const [sessionId, sealed] of [
      [rotated.sessionId, before],
      [lost.sessionId, unknown],
    ] as const) {
      await db.query('UPDATE coaching_session SET note_ciphertext = ?, note_key_id = ? WHERE id = ?', [
        sealed.ciphertext,
        sealed.keyId,
        sessionId,
      ]);
    }
    expect(await rotated.readNote()).toBe('Van voor de sleutelwissel'); // the previous key still opens it

    const report = await api.app.get(NotesMaintenance).reencrypt();
    expect(report.reencrypted).toBeGreaterThanOrEqual(1);
    expect(report.unreadable).toEqual({ [unknown.keyId]: 1 });

    const after = await noteRow(rotated.sessionId);
    expect(after.note_key_id).toBe(current.note_key_id);
    expect(after.note_ciphertext).not.toBe(before.ciphertext);
    expect(await rotated.readNote()).toBe('Van voor de sleutelwissel');
    expect(await noteRow(lost.sessionId)).toEqual({ note_ciphertext: unknown.ciphertext, note_key_id: unknown.keyId });

    const again = await api.app.get(NotesMaintenance).reencrypt();
    expect(again.reencrypted).toBe(0);
  });
});
