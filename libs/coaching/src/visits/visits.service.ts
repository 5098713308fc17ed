import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiException } from '@leerkring/core';
import {
  AMSTERDAM,
  AuditLog,
  COACH_FUNCTIONS,
  SchoolCalendar,
  dateInZone,
  displayName,
  type Actor,
  type TimeRange,
} from '@leerkring/people';
import { AppointmentPlanner, SlotSuggestions, type Appointment, type AppointmentKind } from '@leerkring/scheduling';
import { assertVersion, forbidden, moveChanges, TEACHING_FUNCTIONS, type CoachingContext } from '../coaching-context';
import type { CreateFormDto, CreateVisitDto, MoveDto, ObservationDto, UpdateFormDto } from '../coaching.dto';
import {
  ClassroomVisit,
  Observation,
  ObservationForm,
  type FormDomain,
  type ObservationAnswer,
} from '../coaching.entities';
import { CoachingRepository } from '../coaching.repository';

/** Pre-visit meeting within this many school days before the visit, the debrief within as many after. */
export const VISIT_WINDOW_SCHOOL_DAYS = 5;
const DEFAULT_MEETING_MINUTES = 30;
const LIST_LIMIT = 500;

export const VISIT_PARTS = ['pre', 'visit', 'debrief'] as const;
export type VisitPart = (typeof VISIT_PARTS)[number];

const KIND: Record<VisitPart, AppointmentKind> = { pre: 'visit_pre', visit: 'visit', debrief: 'visit_debrief' };

export interface VisitAppointmentView {
  part: VisitPart;
  appointmentId: string;
  start: string;
  end: string;
  version: number;
  status: string;
  schoolId: string | null;
  room: string;
  onlineUrl: string | null;
}

export interface VisitView {
  id: string;
  observerPersonId: string;
  observerName: string;
  teacherPersonId: string;
  teacherName: string;
  schoolId: string;
  groupName: string;
  assessment: boolean;
  formId: string;
  status: string;
  debriefHeld: boolean;
  appointments: VisitAppointmentView[];
}

export interface ObservationView {
  visitId: string;
  form: { id: string; name: string; scale: ObservationForm['scale']; domains: FormDomain[] };
  answers: ObservationAnswer[];
  overallComment: string | null;
  sharedWithTeacher: boolean;
}

export interface FormView {
  id: string;
  name: string;
  isDefault: boolean;
  /** false: deactivated, not offered for new visits (its observations still show). */
  active: boolean;
  /** A classroom visit uses it: scale and domains are fixed. */
  inUse: boolean;
  scale: ObservationForm['scale'];
  domains: FormDomain[];
}

export interface TeacherHistoryItem {
  visitId: string;
  date: string;
  groupName: string;
  assessment: boolean;
  domains: Array<{ key: string; title: string; average: number | null }>;
}

/**
 * Classroom visits (klassenbezoeken), their observation forms and observations. Access:
 * - the observer and the teacher see the visit (with the assessment flag, so the teacher knows
 *   beforehand); admins too; anyone else gets 404 (directors get counts in the reports);
 * - the observer (or an admin) plans, moves and cancels it and marks the debrief held;
 * - the observation: the observer fills it in and reads it; the teacher reads it only once the
 *   debrief is held (before that, 404); nobody else, admins included, ever sees it here.
 */
@Injectable()
export class VisitsService {
  constructor(
    private readonly repository: CoachingRepository,
    private readonly planner: AppointmentPlanner,
    private readonly slots: SlotSuggestions,
    private readonly calendar: SchoolCalendar,
    private readonly audit: AuditLog,
  ) {}

  // --- forms --------------------------------------------------------------------------------

  /** The active forms; with `includeInactive`, admins get the deactivated ones too. */
  async forms(actor?: Actor, includeInactive = false): Promise<FormView[]> {
    const forms = includeInactive && actor?.isAdmin ? await this.repository.allForms() : await this.repository.forms();
    const used = await this.repository.formsInUse(forms.map((form) => form.id));
    return forms.map((form) => mapForm(form, used.has(form.id)));
  }

  /** One form, also when deactivated: old observations still refer to it. */
  async form(id: string): Promise<FormView> {
    const form = await this.repository.form(id);
    if (!form) {
      throw ApiException.notFound('The observation form');
    }
    return mapForm(form, (await this.repository.formsInUse([id])).has(id));
  }

  /**
   * Changes a form (admins). The name and `active` may always change. The scale and the domains
   * only while no classroom visit uses the form: otherwise stored observations would change
   * meaning (scores on another scale, answers to other items), so that is 409 form_in_use and the
   * admin adds a new form (the next version) and deactivates this one. The default form cannot be
   * deactivated (422 default_form): a visit without a chosen form uses it.
   */
  async updateForm({ actor, requestId }: CoachingContext, id: string, input: UpdateFormDto): Promise<FormView> {
    if (!actor.isAdmin) {
      throw forbidden('Only admins configure observation forms');
    }
    if (input.scale) {
      assertUniqueScale(input.scale);
    }
    if (input.domains) {
      assertUniqueKeys(input.domains);
    }
    return this.repository.manager.transaction(async (manager) => {
      const form = await this.repository.lockForm(manager, id);
      if (!form) {
        throw ApiException.notFound('The observation form');
      }
      const inUse = (await this.repository.formsInUse([id], manager)).has(id);
      const changes: string[] = [];
      if ((input.scale || input.domains) && inUse) {
        const scaleChanged = input.scale && JSON.stringify(normalScale(input.scale)) !== JSON.stringify(form.scale);
        const domainsChanged =
          input.domains && JSON.stringify(normalDomains(input.domains)) !== JSON.stringify(form.domains);
        if (scaleChanged || domainsChanged) {
          throw ApiException.conflict('form_in_use', 'The form is used by classroom visits', {
            detail:
              'Its scale and items can no longer change, so stored observations keep their meaning. ' +
              'Add a new form (a new version) and deactivate this one.',
          });
        }
      }
      if (input.active === false && form.isDefault) {
        throw ApiException.businessRule('default_form', 'The default form cannot be deactivated', {
          detail: 'Visits without a chosen form use it.',
        });
      }
      if (input.name !== undefined && input.name !== form.name) {
        form.name = input.name;
        changes.push('name');
      }
      if (input.scale && !inUse) {
        form.scale = normalScale(input.scale);
        changes.push('scale');
      }
      if (input.domains && !inUse) {
        form.domains = normalDomains(input.domains);
        changes.push('domains');
      }
      if (input.active !== undefined && input.active !== form.active) {
        form.active = input.active;
        changes.push('active');
      }
      if (changes.length > 0) {
        await this.repository.saveForm(manager, form);
        await this.audit.record(
          {
            actorPersonId: actor.personId,
            action: input.active === false ? 'deactivate' : 'update',
            entityType: 'observation_form',
            entityId: id,
            details: { changes },
            requestId,
          },
          manager,
        );
      }
      return mapForm(form, inUse);
    });
  }

  async createForm({ actor, requestId }: CoachingContext, input: CreateFormDto): Promise<FormView> {
    if (!actor.isAdmin) {
      throw forbidden('Only admins configure observation forms');
    }
    assertUniqueKeys(input.domains);
    assertUniqueScale(input.scale);
    const form = this.repository.manager.create(ObservationForm, {
      id: randomUUID(),
      name: input.name,
      isDefault: false,
      active: true,
      scale: normalScale(input.scale),
      domains: normalDomains(input.domains),
    });
    await this.repository.insertForm(form);
    await this.audit.record({
      actorPersonId: actor.personId,
      action: 'create',
      entityType: 'observation_form',
      entityId: form.id,
      requestId,
    });
    return mapForm(form, false);
  }

  // --- visits -------------------------------------------------------------------------------

  /**
   * Plans the visit at the lesson time, and proposes the pre-visit meeting in the five school
   * days before and the debrief in the five after (the first free slot for observer and
   * teacher there; both can be moved afterwards). All three commit together, or none.
   */
  async create({ actor, requestId }: CoachingContext, input: CreateVisitDto): Promise<VisitView> {
    if (!actor.isAdmin && !actor.roles.has('coach')) {
      throw forbidden('Only coaches and admins plan classroom visits');
    }
    const observerId = input.observerPersonId ?? actor.personId;
    if (!actor.isAdmin && observerId !== actor.personId) {
      throw forbidden('A coach plans visits for themselves');
    }
    if (observerId === input.teacherPersonId) {
      throw ApiException.businessRule('observer_is_teacher', 'Nobody observes their own lesson');
    }
    const [observer, teacher, observerFunctions, teacherFunctions] = await Promise.all([
      this.repository.person(observerId),
      this.repository.person(input.teacherPersonId),
      this.repository.functionsAt(observerId, input.schoolId),
      this.repository.functionsAt(input.teacherPersonId, input.schoolId),
    ]);
    if (!observer?.active || !COACH_FUNCTIONS.some((fn) => observerFunctions.has(fn))) {
      throw ApiException.businessRule('observer_not_at_school', 'The observer does not coach at this school');
    }
    if (!teacher?.active || !TEACHING_FUNCTIONS.some((fn) => teacherFunctions.has(fn))) {
      throw ApiException.businessRule('teacher_not_at_school', 'The teacher does not teach at this school');
    }
    const form = input.formId ? await this.repository.form(input.formId) : await this.repository.defaultForm();
    if (!form) {
      throw ApiException.businessRule('unknown_form', 'Unknown observation form');
    }
    if (!form.active) {
      throw ApiException.businessRule('form_inactive', 'The observation form is deactivated', {
        detail: 'Choose an active observation form for new visits.',
      });
    }
    const startsAt = new Date(input.start);
    const endsAt = new Date(input.end);
    if (endsAt <= startsAt) {
      throw ApiException.validation([{ field: 'end', messages: ['end must be after start'] }]);
    }
    const minutes = input.meetingMinutes ?? DEFAULT_MEETING_MINUTES;
    const people = [observerId, input.teacherPersonId];
    const visitDate = dateInZone(startsAt, AMSTERDAM);
    const pre = await this.propose(input.schoolId, people, visitDate, -VISIT_WINDOW_SCHOOL_DAYS, minutes);
    const debrief = await this.propose(input.schoolId, people, visitDate, VISIT_WINDOW_SCHOOL_DAYS, minutes);
    if (!pre || pre.end > startsAt) {
      throw ApiException.businessRule('no_time_for_pre_visit', 'No free time for the pre-visit meeting', {
        detail: `Observer and teacher have no common ${minutes} minutes in the ${VISIT_WINDOW_SCHOOL_DAYS} school days before the visit.`,
      });
    }
    if (!debrief) {
      throw ApiException.businessRule('no_time_for_debrief', 'No free time for the debrief', {
        detail: `Observer and teacher have no common ${minutes} minutes in the ${VISIT_WINDOW_SCHOOL_DAYS} school days after the visit.`,
      });
    }
    const description = input.assessment
      ? 'Let op: dit is een beoordelingsbezoek.'
      : 'Dit lesbezoek is bedoeld voor je ontwikkeling en is geen beoordeling.';
    return this.planner.transaction(async (manager) => {
      const planned: Record<VisitPart, Appointment> = {} as Record<VisitPart, Appointment>;
      const times: Record<VisitPart, TimeRange> = { pre, visit: { start: startsAt, end: endsAt }, debrief };
      const titles: Record<VisitPart, string> = {
        pre: `Voorgesprek lesbezoek ${input.groupName}`,
        visit: `Lesbezoek ${input.groupName}`,
        debrief: `Nagesprek lesbezoek ${input.groupName}`,
      };
      for (const part of VISIT_PARTS) {
        const { appointment } = await this.planner.plan(manager, {
          kind: KIND[part],
          title: titles[part],
          description,
          startsAt: times[part].start,
          endsAt: times[part].end,
          schoolId: input.schoolId,
          organizerPersonId: observerId,
          participants: [{ personId: input.teacherPersonId }],
        });
        planned[part] = appointment;
      }
      const visit = manager.create(ClassroomVisit, {
        id: randomUUID(),
        observerPersonId: observerId,
        teacherPersonId: input.teacherPersonId,
        schoolId: input.schoolId,
        groupName: input.groupName,
        assessment: input.assessment ?? false,
        formId: form.id,
        preAppointmentId: planned.pre.id,
        visitAppointmentId: planned.visit.id,
        debriefAppointmentId: planned.debrief.id,
        status: 'planned',
        debriefHeldAt: null,
      });
      await this.repository.insertVisit(manager, visit);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'classroom_visit',
          entityId: visit.id,
          details: { teacherPersonId: input.teacherPersonId, schoolId: input.schoolId, assessment: visit.assessment },
          requestId,
        },
        manager,
      );
      return mapVisit(visit, Object.values(planned), namesOf([observer, teacher]));
    });
  }

  /** The visits the caller observes or is observed in (admins too: only their own here). */
  async list(actor: Actor): Promise<{ items: VisitView[] }> {
    const visits = await this.repository.visitsOf(actor.personId, LIST_LIMIT);
    const [appointments, names] = await Promise.all([
      this.repository.appointments(visits.flatMap(appointmentIds)),
      this.names(visits),
    ]);
    return { items: visits.map((visit) => mapVisit(visit, appointments, names)) };
  }

  async get(actor: Actor, id: string): Promise<VisitView> {
    const visit = await this.visibleVisit(actor, id);
    return this.view(visit, await this.repository.appointments(appointmentIds(visit)));
  }

  private async names(visits: ClassroomVisit[]): Promise<Map<string, string>> {
    return namesOf(
      await this.repository.peopleByIds(visits.flatMap((visit) => [visit.observerPersonId, visit.teacherPersonId])),
    );
  }

  private async view(visit: ClassroomVisit, appointments: Appointment[]): Promise<VisitView> {
    return mapVisit(visit, appointments, await this.names([visit]));
  }

  /** Moves one of the three appointments (the proposed pre-visit meeting or debrief, or the visit itself). */
  async move(
    { actor, requestId }: CoachingContext,
    id: string,
    part: VisitPart,
    input: MoveDto,
    ifMatch?: number,
  ): Promise<VisitView> {
    const visit = await this.visibleVisit(actor, id);
    assertObserverOrAdmin(actor, visit);
    return this.planner.transaction(async (manager) => {
      const current = await this.repository.lockVisit(manager, id);
      const locked = current && (await this.planner.lock(manager, appointmentIds(current)[VISIT_PARTS.indexOf(part)]));
      if (!current || !locked) {
        throw ApiException.notFound('The classroom visit');
      }
      assertVisitPlanned(current);
      assertVersion(locked.appointment, input.version ?? ifMatch);
      if (part === 'visit' && input.schoolId !== undefined && input.schoolId !== current.schoolId) {
        throw ApiException.businessRule('visit_school_fixed', 'The lesson is visited at its own school', {
          detail: 'The visit itself stays at the school of the visit (its room may change); plan a new visit instead.',
        });
      }
      const change = await this.planner.update(manager, locked, moveChanges(input), {
        allowOutsideWorkingHours: input.allowOutsideWorkingHours,
      });
      const [pre, lesson, debrief] = await this.repository
        .appointments(appointmentIds(current), manager)
        .then((rows) => appointmentIds(current).map((appointmentId) => rows.find((row) => row.id === appointmentId)));
      if (pre && lesson && debrief && (pre.endsAt > lesson.startsAt || debrief.startsAt < lesson.endsAt)) {
        throw ApiException.businessRule(
          'visit_order',
          'The pre-visit meeting comes before the visit, the debrief after',
          {
            detail: 'Choose a time that keeps the order: pre-visit meeting, visit, debrief.',
          },
        );
      }
      if (change.changed) {
        await this.audit.record(
          {
            actorPersonId: actor.personId,
            action: 'move',
            entityType: 'classroom_visit',
            entityId: id,
            details: { part, version: locked.appointment.version, fields: change.fields },
            requestId,
          },
          manager,
        );
      }
      return this.view(current, await this.repository.appointments(appointmentIds(current), manager));
    });
  }

  async cancel({ actor, requestId }: CoachingContext, id: string): Promise<VisitView> {
    const visit = await this.visibleVisit(actor, id);
    assertObserverOrAdmin(actor, visit);
    return this.planner.transaction(async (manager) => {
      const current = await this.repository.lockVisit(manager, id);
      if (!current) {
        throw ApiException.notFound('The classroom visit');
      }
      assertVisitPlanned(current);
      for (const appointmentId of appointmentIds(current)) {
        const locked = await this.planner.lock(manager, appointmentId);
        if (locked && locked.appointment.status === 'scheduled') {
          await this.planner.cancel(manager, locked);
        }
      }
      current.status = 'cancelled';
      await this.repository.saveVisit(manager, current);
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'cancel', entityType: 'classroom_visit', entityId: id, requestId },
        manager,
      );
      return this.view(current, await this.repository.appointments(appointmentIds(current), manager));
    });
  }

  /** The observer marks the debrief held: from now on the teacher reads the observation. */
  async markDebriefHeld({ actor, requestId }: CoachingContext, id: string): Promise<VisitView> {
    const visit = await this.visibleVisit(actor, id);
    assertObserverOrAdmin(actor, visit);
    return this.repository.manager.transaction(async (manager) => {
      const current = await this.repository.lockVisit(manager, id);
      if (!current) {
        throw ApiException.notFound('The classroom visit');
      }
      assertVisitPlanned(current);
      if (current.debriefHeldAt === null) {
        current.debriefHeldAt = new Date();
        await this.repository.saveVisit(manager, current);
        await this.audit.record(
          {
            actorPersonId: actor.personId,
            action: 'debrief_held',
            entityType: 'classroom_visit',
            entityId: id,
            requestId,
          },
          manager,
        );
      }
      return this.view(current, await this.repository.appointments(appointmentIds(current), manager));
    });
  }

  async putObservation(
    { actor, requestId }: CoachingContext,
    id: string,
    input: ObservationDto,
  ): Promise<ObservationView> {
    const visit = await this.observationVisit(actor, id);
    if (actor.personId !== visit.observerPersonId) {
      throw forbidden('Only the observer fills in the observation');
    }
    const form = await this.repository.form(visit.formId);
    if (!form) {
      throw ApiException.notFound('The observation form');
    }
    const answers = validateAnswers(form, input);
    const observation = await this.repository.manager.transaction(async (manager) => {
      const row =
        (await this.repository.observation(id, manager)) ??
        manager.create(Observation, { id: randomUUID(), visitId: id });
      row.answers = answers;
      row.overallComment = input.overallComment?.trim() || null;
      await this.repository.saveObservation(manager, row);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'observation',
          entityType: 'classroom_visit',
          entityId: id,
          details: { items: answers.length },
          requestId,
        },
        manager,
      );
      return row;
    });
    return mapObservation(visit, form, observation);
  }

  async getObservation(actor: Actor, id: string): Promise<ObservationView> {
    const visit = await this.observationVisit(actor, id);
    const [form, observation] = await Promise.all([
      this.repository.form(visit.formId),
      this.repository.observation(id),
    ]);
    if (!form || !observation) {
      throw ApiException.notFound('The observation');
    }
    return mapObservation(visit, form, observation);
  }

  /** A teacher's shared observations over time, as the average score per domain. The teacher and admins. */
  async history(actor: Actor, teacherPersonId: string): Promise<{ items: TeacherHistoryItem[] }> {
    if (!actor.isAdmin && actor.personId !== teacherPersonId) {
      throw ApiException.notFound('The person');
    }
    const visits = await this.repository.sharedVisitsOf(teacherPersonId);
    const observations = new Map(
      (await this.repository.observations(visits.map(({ visit }) => visit.id))).map((row) => [row.visitId, row]),
    );
    const forms = new Map<string, ObservationForm | null>();
    const items: TeacherHistoryItem[] = [];
    for (const { visit, appointment } of visits) {
      const observation = observations.get(visit.id);
      if (!observation) {
        continue;
      }
      if (!forms.has(visit.formId)) {
        forms.set(visit.formId, await this.repository.form(visit.formId));
      }
      const form = forms.get(visit.formId);
      if (!form) {
        continue;
      }
      items.push({
        visitId: visit.id,
        date: dateInZone(appointment.startsAt, AMSTERDAM),
        groupName: visit.groupName,
        assessment: visit.assessment,
        domains: domainAverages(form, observation.answers),
      });
    }
    return { items };
  }

  /** The observer and the teacher; the teacher only once the debrief is held. Everyone else: 404. */
  private async observationVisit(actor: Actor, id: string): Promise<ClassroomVisit> {
    const visit = await this.repository.visit(id);
    const shared = Boolean(visit?.debriefHeldAt);
    if (
      !visit ||
      !(visit.observerPersonId === actor.personId || (visit.teacherPersonId === actor.personId && shared))
    ) {
      throw ApiException.notFound('The observation');
    }
    return visit;
  }

  private async visibleVisit(actor: Actor, id: string): Promise<ClassroomVisit> {
    const visit = await this.repository.visit(id);
    if (
      !visit ||
      !(actor.isAdmin || visit.observerPersonId === actor.personId || visit.teacherPersonId === actor.personId)
    ) {
      throw ApiException.notFound('The classroom visit');
    }
    return visit;
  }

  /** The first free slot for these people on the school days within `count` school days of `date`. */
  private async propose(
    schoolId: string,
    personIds: string[],
    date: string,
    count: number,
    minutes: number,
  ): Promise<TimeRange | null> {
    const days = await this.calendar.schoolDaysFrom(schoolId, date, count);
    if (days.length === 0) {
      return null;
    }
    const sorted = [...days].sort();
    const allowed = new Set(days);
    const slots = await this.slots.find({
      personIds,
      schoolId,
      durationMinutes: minutes,
      from: sorted[0],
      to: sorted[sorted.length - 1],
      count: 50,
    });
    return slots.find((slot) => allowed.has(dateInZone(slot.start, AMSTERDAM))) ?? null;
  }
}

function appointmentIds(visit: ClassroomVisit): [string, string, string] {
  return [visit.preAppointmentId, visit.visitAppointmentId, visit.debriefAppointmentId];
}

function assertObserverOrAdmin(actor: Actor, visit: ClassroomVisit): void {
  if (!actor.isAdmin && actor.personId !== visit.observerPersonId) {
    throw forbidden('Only the observer (or an admin) does this');
  }
}

function assertVisitPlanned(visit: ClassroomVisit): void {
  if (visit.status !== 'planned') {
    throw ApiException.businessRule('visit_cancelled', 'The visit is cancelled');
  }
}

function validateAnswers(form: ObservationForm, input: ObservationDto): ObservationAnswer[] {
  const items = new Set(form.domains.flatMap((domain) => domain.items.map((item) => item.key)));
  const values = new Set(form.scale.map((step) => step.value));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const answer of input.answers) {
    if (!items.has(answer.itemKey)) {
      problems.push(`${answer.itemKey} is not an item of this form`);
    }
    if (seen.has(answer.itemKey)) {
      problems.push(`${answer.itemKey} is answered twice`);
    }
    seen.add(answer.itemKey);
    if (answer.score !== undefined && answer.score !== null && !values.has(answer.score)) {
      problems.push(`${answer.itemKey}: ${answer.score} is not on the scale`);
    }
  }
  if (problems.length > 0) {
    throw ApiException.validation([{ field: 'answers', messages: problems }]);
  }
  return input.answers.map((answer) => ({
    itemKey: answer.itemKey,
    score: answer.score ?? null,
    comment: answer.comment?.trim() ?? '',
  }));
}

export function domainAverages(
  form: Pick<ObservationForm, 'domains'>,
  answers: ObservationAnswer[],
): TeacherHistoryItem['domains'] {
  const scores = new Map(answers.map((answer) => [answer.itemKey, answer.score]));
  return form.domains.map((domain) => {
    const given = domain.items
      .map((item) => scores.get(item.key))
      .filter((score): score is number => typeof score === 'number');
    return {
      key: domain.key,
      title: domain.title,
      average: given.length === 0 ? null : Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100,
    };
  });
}

function mapForm(form: ObservationForm, inUse: boolean): FormView {
  return {
    id: form.id,
    name: form.name,
    isDefault: form.isDefault,
    active: form.active,
    inUse,
    scale: form.scale,
    domains: form.domains,
  };
}

type ScaleInput = CreateFormDto['scale'];
type DomainsInput = CreateFormDto['domains'];

function normalScale(scale: ScaleInput): ObservationForm['scale'] {
  return [...scale].sort((a, b) => a.value - b.value).map(({ value, label }) => ({ value, label }));
}

function normalDomains(domains: DomainsInput): FormDomain[] {
  return domains.map((domain) => ({
    key: domain.key,
    title: domain.title,
    items: domain.items.map((item) => ({ key: item.key, text: item.text })),
  }));
}

function assertUniqueKeys(domains: DomainsInput): void {
  const keys = domains.flatMap((domain) => [domain.key, ...domain.items.map((item) => item.key)]);
  if (new Set(keys).size !== keys.length) {
    throw ApiException.validation([{ field: 'domains', messages: ['domain and item keys must be unique'] }]);
  }
}

function assertUniqueScale(scale: ScaleInput): void {
  const values = scale.map((step) => step.value);
  if (new Set(values).size !== values.length) {
    throw ApiException.validation([{ field: 'scale', messages: ['scale values must be unique'] }]);
  }
}

function namesOf(people: Array<(Parameters<typeof displayName>[0] & { id: string }) | null>): Map<string, string> {
  return new Map(people.flatMap((person) => (person ? [[person.id, displayName(person)] as const] : [])));
}

function mapVisit(visit: ClassroomVisit, appointments: Appointment[], names: Map<string, string>): VisitView {
  const byId = new Map(appointments.map((appointment) => [appointment.id, appointment]));
  const ids = appointmentIds(visit);
  return {
    id: visit.id,
    observerPersonId: visit.observerPersonId,
    observerName: names.get(visit.observerPersonId) ?? '',
    teacherPersonId: visit.teacherPersonId,
    teacherName: names.get(visit.teacherPersonId) ?? '',
    schoolId: visit.schoolId,
    groupName: visit.groupName,
    assessment: visit.assessment,
    formId: visit.formId,
    status: visit.status,
    debriefHeld: visit.debriefHeldAt !== null,
    appointments: VISIT_PARTS.flatMap((part, index) => {
      const appointment = byId.get(ids[index]);
      return appointment
        ? [
            {
              part,
              appointmentId: appointment.id,
              start: appointment.startsAt.toISOString(),
              end: appointment.endsAt.toISOString(),
              version: appointment.version,
              status: appointment.status,
              schoolId: appointment.schoolId,
              room: appointment.room,
              onlineUrl: appointment.onlineUrl,
            },
          ]
        : [];
    }),
  };
}

function mapObservation(visit: ClassroomVisit, form: ObservationForm, observation: Observation): ObservationView {
  return {
    visitId: visit.id,
    form: { id: form.id, name: form.name, scale: form.scale, domains: form.domains },
    answers: observation.answers,
    overallComment: observation.overallComment,
    sharedWithTeacher: visit.debriefHeldAt !== null,
  };
}
