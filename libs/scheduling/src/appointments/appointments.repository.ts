import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { displayName, Foundation, Person, School } from '@leerkring/people';
import { Appointment, AppointmentParticipant } from './appointment.entity';
import type { AppointmentView } from './appointment.dto';

/**
 * InnoDB's answer to a lock-order inversion is to roll one transaction back; the remedy is to run
 * it again. For instance a move locks its appointment and then its people, while a plan holding a
 * person's lock reads that person's other appointments with a locking read, so two requests for
 * the same coach can deadlock (drill:scale found it: 25 answers 500 of 400 writes, two APIs,
 * `SELECT id FROM person … FOR UPDATE` chosen as the victim).
 */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK']);
const ATTEMPTS = 5;

function errorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.code ?? candidate?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The only code that reads or writes appointments and their participants. */
@Injectable()
export class AppointmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One transaction, run again (whole, up to five times) after a deadlock, as the theme meetings'
   * sign-up does. `work` must read everything it decides on through `manager`. A lock wait
   * timeout is not retried: it took 50 s already, and answers 503.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !RETRYABLE.has(errorCode(error) ?? '')) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }

  /** Reads the appointment and locks its row until the transaction ends: changes to one appointment queue up. */
  lock(manager: EntityManager, id: string): Promise<Appointment | null> {
    return manager.findOne(Appointment, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Reads the appointment with a shared lock: no change commits while a notification is composed. */
  async readShared(manager: EntityManager, id: string): Promise<Appointment | null> {
    // Written out: TypeORM says FOR SHARE, which MariaDB does not know; both know LOCK IN SHARE MODE.
    await manager.query('SELECT id FROM appointment WHERE id = ? LOCK IN SHARE MODE', [id]);
    return manager.findOneBy(Appointment, { id });
  }

  /** All participant rows, removed ones included. */
  /**
   * Locks a scheduled appointment and says which of these people are on it already, in one
   * statement, without reading its whole participant list (a theme meeting session can have
   * hundreds). Null when it is not there or not scheduled.
   */
  async lockForJoining(
    manager: EntityManager,
    id: string,
    personIds: readonly string[],
  ): Promise<{ version: number; present: Set<string> } | null> {
    const rows = await manager.query<Array<{ version: number; status: string; person_id: string | null }>>(
      `SELECT a.version, a.status, p.person_id
         FROM appointment a
         LEFT JOIN appointment_participant p
           ON p.appointment_id = a.id AND p.person_id IN (?) AND p.removed_at IS NULL
        WHERE a.id = ?
        FOR UPDATE`,
      [personIds, id],
    );
    if (rows.length === 0 || rows[0].status !== 'scheduled') {
      return null;
    }
    return {
      version: Number(rows[0].version),
      present: new Set(rows.flatMap((row) => (row.person_id ? [row.person_id] : []))),
    };
  }

  /**
   * Puts people on a locked appointment as required participants at `version`: a new row, or a
   * removed one taken up again (the unique key on appointment and person decides), and bumps the
   * appointment to that version.
   */
  async join(manager: EntityManager, id: string, personIds: readonly string[], version: number): Promise<void> {
    await manager.query(
      `INSERT INTO appointment_participant (id, appointment_id, person_id, role, rsvp, added_version)
       VALUES ${personIds.map(() => "(?, ?, ?, 'required', 'needs_action', ?)").join(', ')}
       ON DUPLICATE KEY UPDATE role = 'required', rsvp = 'needs_action', rsvp_at = NULL,
         added_version = VALUES(added_version), removed_at = NULL, removed_version = NULL`,
      personIds.flatMap((personId) => [randomUUID(), id, personId, version]),
    );
    await manager.query('UPDATE appointment SET version = ? WHERE id = ?', [version, id]);
  }

  participants(manager: EntityManager, appointmentId: string): Promise<AppointmentParticipant[]> {
    return manager.find(AppointmentParticipant, { where: { appointmentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  people(manager: EntityManager, ids: string[]): Promise<Person[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(Person, { id: In([...new Set(ids)]) });
  }

  school(manager: EntityManager, id: string | null): Promise<School | null> {
    return id ? manager.findOneBy(School, { id }) : Promise.resolve(null);
  }

  async foundationName(manager: EntityManager): Promise<string> {
    const [foundation] = await manager.find(Foundation, { order: { createdAt: 'ASC' }, take: 1 });
    return foundation?.name ?? 'Leerkring';
  }

  async insert(
    manager: EntityManager,
    appointment: Appointment,
    participants: AppointmentParticipant[],
  ): Promise<void> {
    await manager.insert(Appointment, appointment);
    if (participants.length > 0) {
      await manager.insert(AppointmentParticipant, participants);
    }
  }

  async save(manager: EntityManager, appointment: Appointment): Promise<void> {
    await manager.save(Appointment, appointment);
  }

  async saveParticipants(manager: EntityManager, participants: AppointmentParticipant[]): Promise<void> {
    if (participants.length > 0) {
      await manager.save(AppointmentParticipant, participants);
    }
  }

  /** The appointment with its participants' names and its school's name, for a response. */
  async view(manager: EntityManager, appointment: Appointment): Promise<AppointmentView> {
    const participants = await this.participants(manager, appointment.id);
    const people = new Map(
      (
        await this.people(
          manager,
          participants.map((participant) => participant.personId),
        )
      ).map((person) => [person.id, person]),
    );
    const school = await this.school(manager, appointment.schoolId);
    return {
      appointment,
      schoolName: school?.name ?? null,
      participants: participants.map((participant) =>
        Object.assign(participant, { name: displayName(people.get(participant.personId) ?? unknownPerson) }),
      ),
    };
  }

  findById(id: string): Promise<Appointment | null> {
    return this.dataSource.manager.findOneBy(Appointment, { id });
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Appointments the person takes part in (not removed) that overlap [from, to), earliest first;
   * without `to`, everything that ends after `from` (the calendar feed).
   */
  agenda(personId: string, from: Date, to: Date | undefined, limit: number): Promise<Appointment[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(Appointment, 'appointment')
      .innerJoin(
        AppointmentParticipant,
        'participant',
        'participant.appointment_id = appointment.id AND participant.person_id = :personId AND participant.removed_at IS NULL',
        { personId },
      )
      .where('appointment.ends_at > :from', { from })
      .orderBy('appointment.starts_at', 'ASC')
      .addOrderBy('appointment.id', 'ASC')
      .limit(limit);
    if (to) {
      query.andWhere('appointment.starts_at < :to', { to });
    }
    return query.getMany();
  }

  /**
   * `agenda`, each with its participants' names and school name: three queries in all, however
   * many appointments (appointments, their participants with names, their schools).
   */
  async agendaViews(personId: string, from: Date, to: Date, limit: number): Promise<AppointmentView[]> {
    return this.viewsOf(this.dataSource.manager, await this.agenda(personId, from, to, limit));
  }

  /** Views of many appointments at once, in the given order. */
  async viewsOf(manager: EntityManager, appointments: Appointment[]): Promise<AppointmentView[]> {
    if (appointments.length === 0) {
      return [];
    }
    const ids = appointments.map((appointment) => appointment.id);
    const participants: Array<AppointmentParticipant & { name: string }> = [];
    const rows = await manager
      .createQueryBuilder(AppointmentParticipant, 'participant')
      .innerJoin(Person, 'person', 'person.id = participant.person_id')
      .addSelect(['person.given_name', 'person.family_name_prefix', 'person.family_name'])
      .where('participant.appointment_id IN (:...ids)', { ids })
      .orderBy('participant.created_at', 'ASC')
      .addOrderBy('participant.id', 'ASC')
      .getRawAndEntities();
    rows.entities.forEach((participant, index) => {
      const raw = rows.raw[index] as Record<string, string>;
      participants.push(
        Object.assign(participant, {
          name: displayName({
            givenName: raw.person_given_name,
            familyNamePrefix: raw.person_family_name_prefix,
            familyName: raw.person_family_name,
          }),
        }),
      );
    });
    const schoolIds = [
      ...new Set(appointments.flatMap((appointment) => (appointment.schoolId ? [appointment.schoolId] : []))),
    ];
    const schools = new Map(
      (schoolIds.length ? await manager.findBy(School, { id: In(schoolIds) }) : []).map((school) => [
        school.id,
        school.name,
      ]),
    );
    return appointments.map((appointment) => ({
      appointment,
      schoolName: appointment.schoolId ? (schools.get(appointment.schoolId) ?? null) : null,
      participants: participants.filter((participant) => participant.appointmentId === appointment.id),
    }));
  }

  /** Every appointment the person is or was a participant of, for their data export. */
  participationsOf(manager: EntityManager, personId: string): Promise<AppointmentParticipant[]> {
    return manager.find(AppointmentParticipant, {
      where: { personId },
      relations: { appointment: true },
      order: { createdAt: 'ASC' },
    });
  }

  async deleteParticipationsOf(manager: EntityManager, personId: string): Promise<number> {
    const result = await manager.delete(AppointmentParticipant, { personId, role: In(['required', 'optional']) });
    return result.affected ?? 0;
  }
}

const unknownPerson = { givenName: '(onbekend)', familyNamePrefix: '', familyName: '' };
