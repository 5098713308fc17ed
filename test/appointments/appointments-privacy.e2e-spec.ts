import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

describe('appointments in a person’s data export and erasure', () => {
  let api: RunningApi;
  let db: DataSource;
  const appointmentIds: string[] = [];

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
  });

  afterAll(async () => {
    // No worker runs here: drop this file's outbox rows so no later worker mails them.
    for (const id of appointmentIds) {
      await db?.query("DELETE FROM outbox WHERE relayed_at IS NULL AND payload LIKE CONCAT('%', ?, '%')", [id]);
    }
    await api?.close();
    await db?.destroy();
  });

  it('exports the appointments a person takes part in, and erasure takes them off every one', async () => {
    const make = factory(db);
    const school = await make.school();
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'werkbegeleider' }] });
    const teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const colleague = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const admin = await signIn(api, (await make.person({ isAdmin: true })).id);
    const asCoach = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
    const response = await fetch(`${api.url}/api/v1/appointments`, {
      method: 'POST',
      headers: asCoach,
      body: JSON.stringify({
        title: 'Leerlingbespreking',
        start: '2027-12-08T13:00:00+01:00',
        end: '2027-12-08T14:00:00+01:00',
        onlineUrl: 'https://meet.example.nl/leerlingbespreking',
        participants: [{ personId: teacher.id }, { personId: colleague.id, role: 'optional' }],
      }),
    });
    expect(response.status).toBe(201);
    const created = await readJson(response);
    appointmentIds.push(created.id);

    const exported = await readJson(await fetch(`${api.url}/api/v1/people/${teacher.id}/export`, { headers: admin }));
    expect(exported.appointments).toEqual([
      expect.objectContaining({
        appointmentId: created.id,
        title: 'Leerlingbespreking',
        role: 'required',
        rsvp: 'needs_action',
      }),
    ]);

    const erased = await fetch(`${api.url}/api/v1/people/${teacher.id}/erase`, { method: 'POST', headers: admin });
    expect(erased.status).toBe(200);
    expect((await readJson(erased)).rowsTouched.appointments).toBe(1);
    const after = await readJson(await fetch(`${api.url}/api/v1/appointments/${created.id}`, { headers: asCoach }));
    expect(after.participants.map((participant: { personId: string }) => participant.personId).sort()).toEqual(
      [coach.id, colleague.id].sort(),
    );
  });
});
