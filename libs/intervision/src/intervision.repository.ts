import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Person, SchoolMembership } from '@leerkring/people';
import { Appointment } from '@leerkring/scheduling';
import {
  IntervisionAttendance,
  IntervisionGroup,
  IntervisionMeeting,
  IntervisionMember,
  IntervisionMethod,
  IntervisionSeries,
} from './intervision.entities';

export interface MeetingRow {
  meeting: IntervisionMeeting;
  appointment: Appointment;
}

/** The only code that reads or writes the intervision tables. */
@Injectable()
export class IntervisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  methods(): Promise<IntervisionMethod[]> {
    return this.manager.find(IntervisionMethod, { where: { active: true }, order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  method(code: string): Promise<IntervisionMethod | null> {
    return this.manager.findOneBy(IntervisionMethod, { code, active: true });
  }

  methodById(id: string): Promise<IntervisionMethod | null> {
    return this.manager.findOneBy(IntervisionMethod, { id });
  }

  people(ids: readonly string[], manager = this.manager): Promise<Person[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(Person, { id: In([...new Set(ids)]) });
  }

  memberships(personIds: readonly string[], manager = this.manager): Promise<SchoolMembership[]> {
    return personIds.length === 0
      ? Promise.resolve([])
      : manager.findBy(SchoolMembership, { personId: In([...new Set(personIds)]) });
  }

  group(id: string, manager = this.manager): Promise<IntervisionGroup | null> {
    return manager.findOneBy(IntervisionGroup, { id });
  }

  /** Changes to one group queue up on its row. */
  lockGroup(manager: EntityManager, id: string): Promise<IntervisionGroup | null> {
    return manager
      .getRepository(IntervisionGroup)
      .createQueryBuilder('g')
      .setLock('pessimistic_write')
      .where('g.id = :id', { id })
      .getOne();
  }

  /** Groups the person facilitates or is (or was) a member of; all groups when `personId` is null. */
  async groupsOf(personId: string | null, limit: number): Promise<IntervisionGroup[]> {
    const query = this.manager
      .getRepository(IntervisionGroup)
      .createQueryBuilder('g')
      .orderBy('g.school_year', 'DESC')
      .addOrderBy('g.name', 'ASC')
      .limit(limit);
    if (personId) {
      query.where(
        'g.facilitator_person_id = :personId OR g.id IN (SELECT m.group_id FROM intervision_member m WHERE m.person_id = :personId)',
        { personId },
      );
    }
    return query.getMany();
  }

  /** Groups of a school year with at least one member (current or former) at one of these schools; all when null. */
  async groupsWithMembersAt(schoolIds: readonly string[] | null, schoolYear: string): Promise<IntervisionGroup[]> {
    const query = this.manager
      .getRepository(IntervisionGroup)
      .createQueryBuilder('g')
      .where('g.school_year = :schoolYear', { schoolYear })
      .orderBy('g.name', 'ASC');
    if (schoolIds) {
      if (schoolIds.length === 0) {
        return [];
      }
      query.andWhere(
        `g.id IN (SELECT m.group_id FROM intervision_member m
                    JOIN school_membership s ON s.person_id = m.person_id
                   WHERE s.school_id IN (:...schoolIds))`,
        { schoolIds },
      );
    }
    return query.getMany();
  }

  members(groupId: string, manager = this.manager): Promise<IntervisionMember[]> {
    return manager.find(IntervisionMember, { where: { groupId }, order: { joinedAt: 'ASC', id: 'ASC' } });
  }

  activeMembers(groupId: string, manager = this.manager): Promise<IntervisionMember[]> {
    return manager.find(IntervisionMember, {
      where: { groupId, leftAt: IsNull() },
      order: { joinedAt: 'ASC', id: 'ASC' },
    });
  }

  async isMember(groupId: string, personId: string): Promise<boolean> {
    return (await this.manager.countBy(IntervisionMember, { groupId, personId })) > 0;
  }

  currentSeries(groupId: string, manager = this.manager): Promise<IntervisionSeries | null> {
    return manager.findOneBy(IntervisionSeries, { groupId, endedFrom: IsNull() });
  }

  allSeries(groupId: string): Promise<IntervisionSeries[]> {
    return this.manager.find(IntervisionSeries, { where: { groupId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async meetings(groupId: string, manager = this.manager): Promise<MeetingRow[]> {
    const meetings = await manager.find(IntervisionMeeting, {
      where: { groupId },
      order: { occurrenceDate: 'ASC', id: 'ASC' },
    });
    return this.withAppointments(meetings, manager);
  }

  meeting(id: string, manager = this.manager): Promise<IntervisionMeeting | null> {
    return manager.findOneBy(IntervisionMeeting, { id });
  }

  lockMeeting(manager: EntityManager, id: string): Promise<IntervisionMeeting | null> {
    return manager
      .getRepository(IntervisionMeeting)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }

  appointment(id: string, manager = this.manager): Promise<Appointment | null> {
    return manager.findOneBy(Appointment, { id });
  }

  async withAppointments(meetings: IntervisionMeeting[], manager = this.manager): Promise<MeetingRow[]> {
    if (meetings.length === 0) {
      return [];
    }
    const appointments = new Map(
      (await manager.findBy(Appointment, { id: In(meetings.map((m) => m.appointmentId)) })).map((a) => [a.id, a]),
    );
    return meetings.flatMap((meeting) => {
      const appointment = appointments.get(meeting.appointmentId);
      return appointment ? [{ meeting, appointment }] : [];
    });
  }

  /** The people invited to an appointment now (not removed), the organiser left out. */
  async invitees(appointmentId: string, manager = this.manager): Promise<string[]> {
    const rows: Array<{ person_id: string }> = await manager.query(
      `SELECT person_id FROM appointment_participant
        WHERE appointment_id = ? AND removed_at IS NULL AND role <> 'organizer'
        ORDER BY person_id`,
      [appointmentId],
    );
    return rows.map((row) => row.person_id);
  }

  attendance(meetingIds: readonly string[], manager = this.manager): Promise<IntervisionAttendance[]> {
    return meetingIds.length === 0
      ? Promise.resolve([])
      : manager.findBy(IntervisionAttendance, { meetingId: In([...meetingIds]) });
  }

  async upsertAttendance(manager: EntityManager, rows: IntervisionAttendance[]): Promise<void> {
    for (const row of rows) {
      await manager.query(
        `INSERT INTO intervision_attendance (id, meeting_id, person_id, status) VALUES (?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE status = VALUES(status)`,
        [row.id, row.meetingId, row.personId, row.status],
      );
    }
  }

  async save<T extends object>(manager: EntityManager, entity: T): Promise<T> {
    return manager.save(entity);
  }

  async insert<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, entity: T): Promise<void> {
    await manager.getRepository(target).insert(entity);
  }
}
