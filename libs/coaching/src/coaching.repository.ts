import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Person, SchoolMembership, type SchoolFunction } from '@leerkring/people';
import { Appointment } from '@leerkring/scheduling';
import {
  ClassroomVisit,
  CoachingMethod,
  CoachingSession,
  CoachingTrajectory,
  Observation,
  ObservationForm,
} from './coaching.entities';

export interface SessionRow {
  session: CoachingSession;
  appointment: Appointment;
}

/** Rows the reports aggregate: times and who/where, never content. */
export interface SessionReportRow {
  schoolId: string;
  schoolName: string;
  coachPersonId: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
}

export interface VisitReportRow {
  schoolId: string;
  schoolName: string;
  startsAt: Date;
}

/** The only code that reads or writes the coaching tables. */
@Injectable()
export class CoachingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  methods(): Promise<CoachingMethod[]> {
    return this.manager.find(CoachingMethod, { where: { active: true }, order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  method(code: string): Promise<CoachingMethod | null> {
    return this.manager.findOneBy(CoachingMethod, { code, active: true });
  }

  methodsById(ids: string[]): Promise<CoachingMethod[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.manager.findBy(CoachingMethod, { id: In([...new Set(ids)]) });
  }

  person(id: string): Promise<Person | null> {
    return this.manager.findOneBy(Person, { id });
  }

  /** The person's functions at one school. */
  async functionsAt(personId: string, schoolId: string): Promise<Set<SchoolFunction>> {
    const rows = await this.manager.findBy(SchoolMembership, { personId, schoolId });
    return new Set(rows.map((row) => row.function));
  }

  async directorsOf(schoolId: string): Promise<string[]> {
    const rows = await this.manager.findBy(SchoolMembership, { schoolId, function: 'director' });
    return rows.map((row) => row.personId);
  }

  async insertTrajectory(manager: EntityManager, trajectory: CoachingTrajectory): Promise<void> {
    await manager.insert(CoachingTrajectory, trajectory);
  }

  async saveTrajectory(manager: EntityManager, trajectory: CoachingTrajectory): Promise<void> {
    await manager.save(CoachingTrajectory, trajectory);
  }

  trajectory(id: string, manager = this.manager): Promise<CoachingTrajectory | null> {
    return manager.findOneBy(CoachingTrajectory, { id });
  }

  lockTrajectory(manager: EntityManager, id: string): Promise<CoachingTrajectory | null> {
    return manager.findOne(CoachingTrajectory, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Trajectories someone coaches or is coached in (all of them for `null`), newest first. */
  trajectoriesOf(personId: string | null, limit: number): Promise<CoachingTrajectory[]> {
    return this.manager.find(CoachingTrajectory, {
      where: personId === null ? {} : [{ coachPersonId: personId }, { coacheePersonId: personId }],
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  async insertSession(manager: EntityManager, session: CoachingSession): Promise<void> {
    await manager.insert(CoachingSession, session);
  }

  async saveSession(manager: EntityManager, session: CoachingSession): Promise<void> {
    await manager.save(CoachingSession, session);
  }

  session(id: string, manager = this.manager): Promise<CoachingSession | null> {
    return manager.findOneBy(CoachingSession, { id });
  }

  lockSession(manager: EntityManager, id: string): Promise<CoachingSession | null> {
    return manager.findOne(CoachingSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  appointment(id: string, manager = this.manager): Promise<Appointment | null> {
    return manager.findOneBy(Appointment, { id });
  }

  /** A trajectory's sessions with their appointments, earliest first. */
  async sessionsOf(trajectoryId: string, manager = this.manager): Promise<SessionRow[]> {
    const sessions = await manager.find(CoachingSession, {
      where: { trajectoryId },
      relations: { appointment: true },
    });
    return sessions
      .map((session) => ({ session, appointment: session.appointment as Appointment }))
      .sort((a, b) => a.appointment.startsAt.getTime() - b.appointment.startsAt.getTime());
  }

  /** Sessions whose notes or agreements involve the person (as coach or coachee). */
  async sessionsInvolving(manager: EntityManager, personId: string): Promise<CoachingSession[]> {
    const trajectories = await manager.find(CoachingTrajectory, {
      where: [{ coachPersonId: personId }, { coacheePersonId: personId }],
      select: { id: true },
    });
    return trajectories.length === 0
      ? []
      : manager.findBy(CoachingSession, { trajectoryId: In(trajectories.map((trajectory) => trajectory.id)) });
  }

  trajectoriesInvolving(manager: EntityManager, personId: string): Promise<CoachingTrajectory[]> {
    return manager.find(CoachingTrajectory, {
      where: [{ coachPersonId: personId }, { coacheePersonId: personId }],
      order: { createdAt: 'ASC' },
    });
  }

  // --- forms, visits, observations ---------------------------------------------------------

  forms(): Promise<ObservationForm[]> {
    return this.manager.find(ObservationForm, { where: { active: true }, order: { isDefault: 'DESC', name: 'ASC' } });
  }

  form(id: string): Promise<ObservationForm | null> {
    return this.manager.findOneBy(ObservationForm, { id });
  }

  defaultForm(): Promise<ObservationForm | null> {
    return this.manager.findOneBy(ObservationForm, { isDefault: true, active: true });
  }

  async insertForm(form: ObservationForm): Promise<void> {
    await this.manager.insert(ObservationForm, form);
  }

  /** Every form, deactivated ones too (the admin's list). */
  allForms(): Promise<ObservationForm[]> {
    return this.manager.find(ObservationForm, {
      order: { active: 'DESC', isDefault: 'DESC', name: 'ASC' },
    });
  }

  lockForm(manager: EntityManager, id: string): Promise<ObservationForm | null> {
    return manager.findOne(ObservationForm, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveForm(manager: EntityManager, form: ObservationForm): Promise<void> {
    await manager.save(ObservationForm, form);
  }

  /** Of these forms, the ones a classroom visit uses (their scale and domains are then fixed). */
  async formsInUse(ids: string[], manager = this.manager): Promise<Set<string>> {
    const used = await Promise.all(ids.map((formId) => manager.exists(ClassroomVisit, { where: { formId } })));
    return new Set(ids.filter((_, index) => used[index]));
  }

  async insertVisit(manager: EntityManager, visit: ClassroomVisit): Promise<void> {
    await manager.insert(ClassroomVisit, visit);
  }

  async saveVisit(manager: EntityManager, visit: ClassroomVisit): Promise<void> {
    await manager.save(ClassroomVisit, visit);
  }

  visit(id: string, manager = this.manager): Promise<ClassroomVisit | null> {
    return manager.findOneBy(ClassroomVisit, { id });
  }

  lockVisit(manager: EntityManager, id: string): Promise<ClassroomVisit | null> {
    return manager.findOne(ClassroomVisit, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  appointments(ids: string[], manager = this.manager): Promise<Appointment[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(Appointment, { id: In(ids) });
  }

  observation(visitId: string, manager = this.manager): Promise<Observation | null> {
    return manager.findOneBy(Observation, { visitId });
  }

  async saveObservation(manager: EntityManager, observation: Observation): Promise<void> {
    await manager.save(Observation, observation);
  }

  /** A teacher's visits whose debrief was held, with the visit's appointment, earliest first. */
  async sharedVisitsOf(teacherPersonId: string): Promise<Array<{ visit: ClassroomVisit; appointment: Appointment }>> {
    const visits = await this.manager.find(ClassroomVisit, {
      where: { teacherPersonId, status: 'planned' },
      relations: { visitAppointment: true },
    });
    return visits
      .filter((visit) => visit.debriefHeldAt !== null)
      .map((visit) => ({ visit, appointment: visit.visitAppointment as Appointment }))
      .sort((a, b) => a.appointment.startsAt.getTime() - b.appointment.startsAt.getTime());
  }

  /** Visits someone observes or is observed in, earliest lesson first. */
  async visitsOf(personId: string, limit: number): Promise<ClassroomVisit[]> {
    const visits = await this.manager.find(ClassroomVisit, {
      where: [{ observerPersonId: personId }, { teacherPersonId: personId }],
      relations: { visitAppointment: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
    return visits.sort(
      (a, b) => (a.visitAppointment?.startsAt.getTime() ?? 0) - (b.visitAppointment?.startsAt.getTime() ?? 0),
    );
  }

  observations(visitIds: string[]): Promise<Observation[]> {
    return visitIds.length === 0 ? Promise.resolve([]) : this.manager.findBy(Observation, { visitId: In(visitIds) });
  }

  visitsInvolving(manager: EntityManager, personId: string): Promise<ClassroomVisit[]> {
    return manager.find(ClassroomVisit, {
      where: [{ observerPersonId: personId }, { teacherPersonId: personId }],
      order: { createdAt: 'ASC' },
    });
  }

  async deleteObservationsOfTeacher(manager: EntityManager, teacherPersonId: string): Promise<number> {
    const visits = await manager.find(ClassroomVisit, { where: { teacherPersonId }, select: { id: true } });
    if (visits.length === 0) {
      return 0;
    }
    const result = await manager.delete(Observation, { visitId: In(visits.map((visit) => visit.id)) });
    return result.affected ?? 0;
  }

  // --- reports: times and places only ------------------------------------------------------

  async sessionReportRows(schoolIds: string[] | null, from: Date, to: Date): Promise<SessionReportRow[]> {
    const query = this.manager
      .createQueryBuilder(CoachingSession, 'session')
      .innerJoin(Appointment, 'appointment', 'appointment.id = session.appointment_id')
      .innerJoin(CoachingTrajectory, 'trajectory', 'trajectory.id = session.trajectory_id')
      .innerJoin('school', 'school', 'school.id = trajectory.school_id')
      .select([
        'trajectory.school_id AS schoolId',
        'school.name AS schoolName',
        'trajectory.coach_person_id AS coachPersonId',
        'appointment.starts_at AS startsAt',
        'appointment.ends_at AS endsAt',
        'session.status AS status',
      ])
      .where('appointment.starts_at >= :from AND appointment.starts_at < :to', { from, to })
      .andWhere("session.status IN ('planned', 'held')");
    if (schoolIds !== null) {
      query.andWhere('trajectory.school_id IN (:...schoolIds)', { schoolIds: schoolIds.length ? schoolIds : [''] });
    }
    const rows = await query.getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      schoolId: String(row.schoolId),
      schoolName: String(row.schoolName),
      coachPersonId: String(row.coachPersonId),
      startsAt: new Date(row.startsAt as Date),
      endsAt: new Date(row.endsAt as Date),
      status: String(row.status),
    }));
  }

  async visitReportRows(schoolIds: string[] | null, from: Date, to: Date): Promise<VisitReportRow[]> {
    const query = this.manager
      .createQueryBuilder(ClassroomVisit, 'visit')
      .innerJoin(Appointment, 'appointment', 'appointment.id = visit.visit_appointment_id')
      .innerJoin('school', 'school', 'school.id = visit.school_id')
      .select(['visit.school_id AS schoolId', 'school.name AS schoolName', 'appointment.starts_at AS startsAt'])
      .where('appointment.starts_at >= :from AND appointment.starts_at < :to', { from, to })
      .andWhere("visit.status = 'planned'");
    if (schoolIds !== null) {
      query.andWhere('visit.school_id IN (:...schoolIds)', { schoolIds: schoolIds.length ? schoolIds : [''] });
    }
    const rows = await query.getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      schoolId: String(row.schoolId),
      schoolName: String(row.schoolName),
      startsAt: new Date(row.startsAt as Date),
    }));
  }

  peopleByIds(ids: string[]): Promise<Person[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.manager.findBy(Person, { id: In([...new Set(ids)]) });
  }
}
