import type { DataSource } from 'typeorm';
import { MailDispatcher } from '@leerkring/notifications';
import { Retention } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { mailDraft } from '@leerkring/testing/mail-context';

describe('privacy: export, erasure and retention', () => {
  let api: RunningApi;
  let db: DataSource;
  let admin: Record<string, string>;

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    admin = await signIn(api, (await factory(db).person({ isAdmin: true })).id);
  });

  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('exports everything about a person for an admin, and logs that it did', async () => {
    const school = await factory(db).school();
    const person = await factory(db).person({
      givenName: 'Noor',
      memberships: [{ schoolId: school.id, function: 'starter' }],
    });
    await signIn(api, person.id);
    await api.app.get(MailDispatcher).store(mailDraft({ recipientPersonId: person.id, subject: 'Uitnodiging' }));

    const response = await fetch(`${api.url}/api/v1/people/${person.id}/export`, { headers: admin });

    expect(response.status).toBe(200);
    const exported = await readJson(response);
    expect(exported.person).toMatchObject({ id: person.id, givenName: 'Noor', email: person.email });
    expect(exported.memberships).toEqual([expect.objectContaining({ schoolId: school.id, function: 'starter' })]);
    expect(exported.signIn.sessions).toHaveLength(1);
    expect(exported.mails).toEqual([expect.objectContaining({ subject: 'Uitnodiging' })]);
    expect(JSON.stringify(exported)).not.toMatch(/hash/i);
    const [event] = await db.query<Array<{ action: string }>>(
      "SELECT action FROM audit_event WHERE entity_id = ? AND action = 'export'",
      [person.id],
    );
    expect(event).toBeDefined();
  });

  it('does not let anyone but an admin export or erase', async () => {
    const school = await factory(db).school();
    const director = await factory(db).person({ memberships: [{ schoolId: school.id, function: 'director' }] });
    const teacher = await factory(db).person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const asDirector = await signIn(api, director.id);

    const exported = await fetch(`${api.url}/api/v1/people/${teacher.id}/export`, { headers: asDirector });
    const erased = await fetch(`${api.url}/api/v1/people/${teacher.id}/erase`, { method: 'POST', headers: asDirector });

    expect([exported.status, erased.status]).toEqual([403, 403]);
  });

  it('erases a person: anonymous, signed out, but still counted', async () => {
    const school = await factory(db).school();
    const person = await factory(db).person({
      givenName: 'Daan',
      familyName: 'Vermeulen',
      memberships: [{ schoolId: school.id, function: 'teacher' }],
    });
    const own = await signIn(api, person.id);
    const membersBefore = await db.query<Array<{ n: number }>>(
      'SELECT COUNT(*) AS n FROM school_membership WHERE school_id = ?',
      [school.id],
    );

    const response = await fetch(`${api.url}/api/v1/people/${person.id}/erase`, { method: 'POST', headers: admin });

    expect(response.status).toBe(200);
    const [row] = await db.query<Array<{ given_name: string; family_name: string; email: string; active: number }>>(
      'SELECT given_name, family_name, email, active FROM person WHERE id = ?',
      [person.id],
    );
    expect(row).toEqual({
      given_name: 'Verwijderde',
      family_name: 'persoon',
      email: `erased-${person.id}@invalid`,
      active: 0,
    });
    expect((await fetch(`${api.url}/api/v1/me`, { headers: own })).status).toBe(401);
    const membersAfter = await db.query<Array<{ n: number }>>(
      'SELECT COUNT(*) AS n FROM school_membership WHERE school_id = ?',
      [school.id],
    );
    expect(Number(membersAfter[0].n)).toBe(Number(membersBefore[0].n));
    const raw = JSON.stringify(await db.query('SELECT * FROM person WHERE id = ?', [person.id]));
    expect(raw).not.toMatch(/Daan|Vermeulen/);
  });

  it('refuses an admin erasing themselves (422)', async () => {
    const self = await factory(db).person({ isAdmin: true });
    const response = await fetch(`${api.url}/api/v1/people/${self.id}/erase`, {
      method: 'POST',
      headers: await signIn(api, self.id),
    });

    expect(response.status).toBe(422);
    expect((await readJson(response)).code).toBe('cannot_erase_self');
  });

  it('removes old sign-in traces and blanks old mail bodies when retention runs', async () => {
    const person = await factory(db).person();
    const old = await api.app.get(MailDispatcher).store(mailDraft({ recipientPersonId: person.id }));
    await db.query("UPDATE mail_message SET status = 'sent', sent_at = NOW(3) - INTERVAL 400 DAY WHERE id = ?", [
      old.id,
    ]);
    const fresh = await api.app.get(MailDispatcher).store(mailDraft({ recipientPersonId: person.id }));
    await db.query("UPDATE mail_message SET status = 'sent', sent_at = NOW(3) WHERE id = ?", [fresh.id]);

    await db.query(
      'INSERT INTO login_link (id, person_id, token_hash, expires_at) VALUES (UUID(), ?, SHA2(UUID(), 256), NOW(3) - INTERVAL 40 DAY)',
      [person.id],
    );

    await api.app.get(Retention).run();

    const [links] = await db.query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM login_link WHERE person_id = ?', [
      person.id,
    ]);
    expect(Number(links.n)).toBe(0);

    const rows = await db.query<Array<{ id: string; body_text: string; subject: string }>>(
      'SELECT id, body_text, subject FROM mail_message WHERE id IN (?, ?)',
      [old.id, fresh.id],
    );
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[old.id].body_text).toBe('');
    expect(byId[old.id].subject).not.toBe('');
    expect(byId[fresh.id].body_text).not.toBe('');
  });
});
