import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { MicroBatcher } from '@leerkring/notifications';
import { Foundation, Person, School } from '@leerkring/people';
import { Appointment, AppointmentParticipant } from '../appointments/appointment.entity';

/** Names hardly ever change; a burst of reminders should not read them once per mail. */
const NAME_CACHE_MS = 60_000;

/** What a reminder's send-time check reads: its appointment, participant row and person, as they are now. */
export interface ReminderState {
  appointment: Appointment | null;
  participant: AppointmentParticipant | null;
  person: Person | null;
}

/** The only reminder code that reads the database. Reads only: reminders change nothing there. */
@Injectable()
export class RemindersRepository {
  private readonly names = new Map<string, { name: string | null; until: number }>();
  /** The send-time reads of reminder jobs running side by side, three queries for all of them. */
  private readonly states = new MicroBatcher<{ appointmentId: string; personId: string }, ReminderState>(
    (keys) => this.readStates(keys),
    { windowMs: 5 },
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async cachedName(key: string, read: () => Promise<string | null>): Promise<string | null> {
    const cached = this.names.get(key);
    if (cached && cached.until > Date.now()) {
      return cached.name;
    }
    const name = await read();
    this.names.set(key, { name, until: Date.now() + NAME_CACHE_MS });
    return name;
  }

  /**
   * The appointment, the participant row and the person of one reminder, read from the database
   * at the time of the call (never cached); calls made side by side are read together.
   */
  reminderState(appointmentId: string, personId: string): Promise<ReminderState> {
    return this.states.call({ appointmentId, personId });
  }

  private async readStates(keys: Array<{ appointmentId: string; personId: string }>): Promise<ReminderState[]> {
    const appointmentIds = [...new Set(keys.map((key) => key.appointmentId))];
    const personIds = [...new Set(keys.map((key) => key.personId))];
    const [appointments, participants, people] = await Promise.all([
      this.dataSource.getRepository(Appointment).findBy({ id: In(appointmentIds) }),
      this.dataSource
        .getRepository(AppointmentParticipant)
        .findBy({ appointmentId: In(appointmentIds), personId: In(personIds) }),
      this.dataSource.getRepository(Person).findBy({ id: In(personIds) }),
    ]);
    const appointmentById = new Map(appointments.map((appointment) => [appointment.id, appointment]));
    const participantByKey = new Map(participants.map((row) => [`${row.appointmentId}.${row.personId}`, row]));
    const personById = new Map(people.map((person) => [person.id, person]));
    return keys.map((key) => ({
      appointment: appointmentById.get(key.appointmentId) ?? null,
      participant: participantByKey.get(`${key.appointmentId}.${key.personId}`) ?? null,
      person: personById.get(key.personId) ?? null,
    }));
  }

  appointment(id: string): Promise<Appointment | null> {
    return this.dataSource.getRepository(Appointment).findOneBy({ id });
  }

  /** Every participant row, the removed ones too (their reminders must go). */
  participants(appointmentId: string): Promise<AppointmentParticipant[]> {
    return this.dataSource.getRepository(AppointmentParticipant).findBy({ appointmentId });
  }

  participant(appointmentId: string, personId: string): Promise<AppointmentParticipant | null> {
    return this.dataSource.getRepository(AppointmentParticipant).findOneBy({ appointmentId, personId });
  }

  async people(ids: string[]): Promise<Person[]> {
    return ids.length === 0 ? [] : this.dataSource.getRepository(Person).findBy({ id: In([...new Set(ids)]) });
  }

  person(id: string): Promise<Person | null> {
    return this.dataSource.getRepository(Person).findOneBy({ id });
  }

  async schoolName(id: string | null): Promise<string | null> {
    if (!id) {
      return null;
    }
    return this.cachedName(
      `school.${id}`,
      async () => (await this.dataSource.getRepository(School).findOneBy({ id }))?.name ?? null,
    );
  }

  async foundationName(): Promise<string> {
    const name = await this.cachedName(
      'foundation',
      async () =>
        (await this.dataSource.getRepository(Foundation).find({ order: { createdAt: 'ASC' }, take: 1 }))[0]?.name ??
        null,
    );
    return name ?? 'Leerkring';
  }

  /**
   * Scheduled appointments that start after `now`, soonest first, in pages (keyset on start and
   * id, served by ix_appointment_starts_at), for a rebuild: the reminders due first come back first.
   */
  async upcoming(now: Date, after: UpcomingCursor | null, limit: number): Promise<UpcomingCursor[]> {
    const query = this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('appointment')
      .select('appointment.id', 'id')
      .addSelect('appointment.starts_at', 'startsAt')
      .where('appointment.starts_at > :now', { now })
      .andWhere("appointment.status = 'scheduled'");
    if (after) {
      query.andWhere(
        '(appointment.starts_at > :afterStart OR (appointment.starts_at = :afterStart AND appointment.id > :afterId))',
        { afterStart: after.startsAt, afterId: after.id },
      );
    }
    const rows = await query
      .orderBy('appointment.starts_at', 'ASC')
      .addOrderBy('appointment.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string; startsAt: Date | string }>();
    return rows.map((row) => ({ id: row.id, startsAt: new Date(row.startsAt) }));
  }
}

/** Where a rebuild's page of upcoming appointments ended. */
export interface UpcomingCursor {
  id: string;
  startsAt: Date;
}
