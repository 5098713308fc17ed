import { randomUUID } from 'node:crypto';
import { changedTables, tableChecksums } from '@leerkring/testing/table-checksums';
import type { DataSource } from 'typeorm';
import type { OpenAPIV3 } from 'openapi-types';
import type { Person, School, SchoolFunction } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';

/**
 * Object-level authorization of ids that travel in request BODIES and QUERY STRINGS (OWASP API1),
 * the counterpart of object-authorization.e2e-spec.ts (ids in the path). The OpenAPI document is
 * walked for every query parameter and request-body property (also inside arrays and nested
 * objects) whose name ends in `Id`/`Ids` or whose schema is a uuid; each must have a case below,
 * in which a caller without a relationship to the referenced object (a teacher of school A, a
 * coach or the director of school B) names another school's person, school or object:
 *
 * - the answer is 401/403/404 or the documented 4xx (422 with a listed code), never 5xx, and a
 *   2xx only where the design says the object is shared reference data (schools as a place or
 *   an audience, the foundation's observation forms), with the reason next to the case;
 * - a refused write leaves every table as it was;
 * - the answer is the same as for an id that does not exist at all (ids replaced), so it does not
 *   reveal whether the other school's person or object exists (docs/authorization.md: "what the
 *   caller may not see does not exist for them");
 * - a 2xx read carries none of school A's people or objects.
 *
 * A new id field in a body or query string fails the test until it has a case here.
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Caller = 'teacher' | 'coach' | 'director';

interface Case {
  /** `METHOD /path field`, the field as the walker names it (`items[].personId`, `?personId`). */
  field: string;
  caller: Caller;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** The id of the object the caller may not use; replaced by an unknown id for the comparison. */
  foreign: string;
  expect: readonly number[];
  /** For 422: the problem codes that are the designed answer. */
  codes?: readonly string[];
  /** Why a 2xx is the designed answer (shared reference data); then the comparison is skipped. */
  byDesign?: string;
}

/** Field names the walker collects: `…Id`, `…Ids`, or a uuid-typed value under another name. */
const isIdName = (name: string) => /(Id|Ids)$/.test(name);

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

function idFields(document: OpenAPIV3.Document): Set<string> {
  const resolve = <T>(value: T | OpenAPIV3.ReferenceObject): T => {
    let current: unknown = value;
    while (current && typeof current === 'object' && '$ref' in current) {
      current = (current as OpenAPIV3.ReferenceObject).$ref
        .split('/')
        .slice(1)
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document);
    }
    return current as T;
  };
  const isUuid = (schema: Schema | undefined): boolean => {
    const resolved = schema ? resolve<OpenAPIV3.SchemaObject>(schema) : undefined;
    if (!resolved) {
      return false;
    }
    return resolved.format === 'uuid' || (resolved.type === 'array' && isUuid(resolved.items));
  };
  const walk = (schema: Schema | undefined, prefix: string, out: string[], depth: number) => {
    const resolved = schema ? resolve<OpenAPIV3.SchemaObject>(schema) : undefined;
    if (!resolved || depth > 6) {
      return;
    }
    for (const part of [...(resolved.allOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])]) {
      walk(part, prefix, out, depth + 1);
    }
    if (resolved.type === 'array') {
      walk(resolved.items, `${prefix}[]`, out, depth + 1);
    }
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (isIdName(name) || isUuid(property)) {
        out.push(path);
      }
      walk(property, path, out, depth + 1);
    }
  };
  const fields = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) {
        continue;
      }
      const key = `${method.toUpperCase()} ${path}`;
      for (const parameter of (operation.parameters ?? []).map((p) => resolve<OpenAPIV3.ParameterObject>(p))) {
        if (parameter.in === 'query' && (isIdName(parameter.name) || isUuid(parameter.schema))) {
          fields.add(`${key} ?${parameter.name}`);
        }
      }
      const content = operation.requestBody ? resolve<OpenAPIV3.RequestBodyObject>(operation.requestBody).content : {};
      for (const media of Object.values(content)) {
        const out: string[] = [];
        walk(media.schema, '', out, 0);
        out.forEach((field) => fields.add(`${key} ${field}`));
      }
    }
  }
  return fields;
}

interface World {
  schoolA: School;
  schoolB: School;
  a: Record<'ownerCoach' | 'starter' | 'starter2' | 'starter3' | 'director', Person>;
  b: Record<'teacher1' | 'teacher2' | 'teacher3', Person>;
  callerIds: Record<Caller, string>;
  themeRegistrationId: string;
  trajectoryId: string;
  meetingsA: string[];
  formId: string;
  own: {
    appointment: { id: string; version: number };
    theme: { id: string; sessionId: string };
    groupId: string;
    meetings: string[];
    session: { id: string; version: number };
    visitPre: { visitId: string; start: string; end: string; version: number };
  };
}

/**
 * docs/intervision.md: a group is 3 to 8 staff members "possibly from several schools", and its
 * facilitator composes it (test/intervision has a coach of one school with members of another).
 * So a facilitator may name any active staff member of the foundation, also one they cannot look
 * up in GET /people; an id that is not active staff answers 422 `not_staff`. This is the one
 * place where naming a person outside one's own schools is the design (see docs/security.md).
 */
const INTERVISION_ACROSS_SCHOOLS =
  'intervision groups span schools by design (docs/intervision.md): any active staff member may be a member';

function cases(w: World): Case[] {
  const { schoolA, schoolB, a, b } = w;
  const slot = () => uniqueSlot();
  const intervision = {
    name: 'Intervisie referentie',
    method: 'incident',
    room: 'Teamkamer',
    schoolYear: '2029-2030',
    closurePolicy: 'shift',
  };
  const trajectory = {
    coachingQuestion: 'Hoe start ik de dag rustig?',
    goals: 'Een vaste start.',
    method: 'grow',
    plannedSessions: 4,
    startDate: '2029-01-01',
  };
  const visit = (teacherPersonId: string, schoolId: string) => {
    const at = uniqueSlot(45);
    return { teacherPersonId, schoolId, groupName: 'groep 4', start: at.start, end: at.end };
  };
  const theme = (schoolId: string, audienceSchoolIds: string[]) => {
    const first = slot();
    return {
      title: 'Thema referentie',
      format: 'on_site',
      schoolId,
      capacity: 10,
      hoursCredited: 2,
      sessions: [first],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: first.start,
      audienceSchoolIds,
      audienceFunctions: ['starter'],
    };
  };
  const person = { givenName: 'Referentie', familyName: 'Test', email: `ref-${randomUUID()}@example.org` };
  return [
    // --- people and audit: administration only ----------------------------------------------------
    {
      field: 'POST /api/v1/people lineManagerId',
      caller: 'director',
      body: { ...person, lineManagerId: a.director.id },
      foreign: a.director.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/people memberships[].schoolId',
      caller: 'director',
      body: { ...person, memberships: [{ schoolId: schoolA.id, function: 'teacher' }] },
      foreign: schoolA.id,
      expect: [403],
    },
    {
      field: 'PATCH /api/v1/people/{id} lineManagerId',
      caller: 'teacher',
      params: { id: w.callerIds.teacher },
      body: { lineManagerId: a.director.id },
      foreign: a.director.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/people/{id}/memberships schoolId',
      caller: 'director',
      params: { id: w.callerIds.director },
      body: { schoolId: schoolA.id, function: 'director' },
      foreign: schoolA.id,
      expect: [403],
    },
    // A list filter: the caller's own scope applies; another school's people never show.
    {
      field: 'GET /api/v1/people ?schoolId',
      caller: 'coach',
      query: { schoolId: schoolA.id },
      foreign: schoolA.id,
      expect: [200, 403, 404],
    },
    {
      field: 'GET /api/v1/people ?schoolId',
      caller: 'director',
      query: { schoolId: schoolA.id },
      foreign: schoolA.id,
      expect: [200, 403, 404],
    },
    {
      field: 'GET /api/v1/audit-events ?actorPersonId',
      caller: 'director',
      query: { actorPersonId: a.ownerCoach.id },
      foreign: a.ownerCoach.id,
      expect: [403],
    },
    {
      field: 'GET /api/v1/audit-events ?entityId',
      caller: 'coach',
      query: { entityId: w.trajectoryId },
      foreign: w.trajectoryId,
      expect: [403],
    },

    // --- appointments ---------------------------------------------------------------------------
    {
      field: 'POST /api/v1/appointments participants[].personId',
      caller: 'coach',
      body: {
        title: 'Referentie',
        ...slot(),
        schoolId: schoolB.id,
        participants: [{ personId: a.starter.id }],
        allowOutsideWorkingHours: true,
      },
      foreign: a.starter.id,
      expect: [422],
      codes: ['unknown_participant'],
    },
    {
      field: 'POST /api/v1/appointments participants[].personId',
      caller: 'teacher',
      body: { title: 'Referentie', ...slot(), participants: [{ personId: a.starter.id }] },
      foreign: a.starter.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/appointments schoolId',
      caller: 'coach',
      body: {
        title: 'Referentie op school A',
        ...slot(),
        schoolId: schoolA.id,
        participants: [{ personId: b.teacher1.id }],
        allowOutsideWorkingHours: true,
      },
      foreign: schoolA.id,
      expect: [201],
      byDesign: 'a school is the place of an appointment: shared reference data every signed-in person reads',
    },
    {
      field: 'PATCH /api/v1/appointments/{id} schoolId',
      caller: 'coach',
      params: { id: w.own.appointment.id },
      body: { schoolId: schoolA.id, version: w.own.appointment.version },
      foreign: schoolA.id,
      expect: [200],
      byDesign: 'a school is the place of an appointment: shared reference data every signed-in person reads',
    },
    {
      field: 'POST /api/v1/appointments/{id}/participants participants[].personId',
      caller: 'coach',
      params: { id: w.own.appointment.id },
      body: { participants: [{ personId: a.starter2.id }] },
      foreign: a.starter2.id,
      expect: [422],
      codes: ['unknown_participant'],
    },

    // --- slot suggestions -------------------------------------------------------------------------
    {
      field: 'GET /api/v1/scheduling/slots ?personId',
      caller: 'coach',
      query: { personId: `${w.callerIds.coach},${a.starter.id}`, from: '2030-03-04', to: '2030-03-08' },
      foreign: a.starter.id,
      expect: [404],
    },
    {
      field: 'GET /api/v1/scheduling/slots ?personId',
      caller: 'director',
      query: { personId: a.starter.id, from: '2030-03-04', to: '2030-03-08' },
      foreign: a.starter.id,
      expect: [403, 404],
    },
    {
      field: 'GET /api/v1/scheduling/slots ?schoolId',
      caller: 'coach',
      query: { personId: w.callerIds.coach, schoolId: schoolA.id, from: '2030-03-04', to: '2030-03-08' },
      foreign: schoolA.id,
      expect: [200],
      byDesign: "a school's closures and place are shared reference data; only the caller's own busy times count",
    },

    // --- theme meetings ---------------------------------------------------------------------------
    // The catalogue filter: only meetings whose audience includes the caller, whatever the filter.
    {
      field: 'GET /api/v1/theme-meetings ?school',
      caller: 'coach',
      query: { school: schoolA.id },
      foreign: schoolA.id,
      expect: [200, 404],
    },
    {
      field: 'POST /api/v1/theme-meetings schoolId',
      caller: 'coach',
      body: theme(schoolA.id, [schoolB.id]),
      foreign: schoolA.id,
      expect: [201],
      byDesign: 'theme meetings are offered across the foundation: any school may be the place',
    },
    {
      field: 'POST /api/v1/theme-meetings audienceSchoolIds',
      caller: 'coach',
      body: theme(schoolB.id, [schoolA.id]),
      foreign: schoolA.id,
      expect: [201],
      byDesign: 'theme meetings are offered across the foundation (no audience at all is the whole foundation)',
    },
    {
      field: 'POST /api/v1/theme-meetings schoolId',
      caller: 'teacher',
      body: theme(schoolA.id, [schoolA.id]),
      foreign: schoolA.id,
      expect: [403],
    },
    {
      field: 'PUT /api/v1/theme-meetings/{id}/sessions/{sessionId}/attendance items[].registrationId',
      caller: 'coach',
      params: { id: w.own.theme.id, sessionId: w.own.theme.sessionId },
      body: { items: [{ registrationId: w.themeRegistrationId, present: true }] },
      foreign: w.themeRegistrationId,
      // The designed answer: 400 on items.0.registrationId, "not a confirmed registration of this meeting".
      expect: [400, 404],
    },
    {
      field: 'GET /api/v1/professional-development.csv ?personId',
      caller: 'teacher',
      query: { schoolYear: '2028-2029', personId: a.starter.id },
      foreign: a.starter.id,
      expect: [404],
    },
    {
      field: 'GET /api/v1/professional-development.csv ?personId',
      caller: 'director',
      query: { schoolYear: '2028-2029', personId: a.starter.id },
      foreign: a.starter.id,
      expect: [404],
    },
    {
      field: 'GET /api/v1/professional-development.csv ?personId',
      caller: 'coach',
      query: { schoolYear: '2028-2029', personId: a.starter.id },
      foreign: a.starter.id,
      expect: [404],
    },

    // --- coaching ---------------------------------------------------------------------------------
    {
      field: 'PATCH /api/v1/coaching/sessions/{id} schoolId',
      caller: 'coach',
      params: { id: w.own.session.id },
      body: {
        start: '2032-03-22T11:00:00+01:00',
        end: '2032-03-22T12:00:00+01:00',
        schoolId: schoolA.id,
        version: w.own.session.version,
        allowOutsideWorkingHours: true,
      },
      foreign: schoolA.id,
      expect: [200],
      byDesign: 'a school is the place of an appointment: shared reference data every signed-in person reads',
    },
    {
      field: 'PATCH /api/v1/coaching/visits/{id}/appointments/{part} schoolId',
      caller: 'coach',
      params: { id: w.own.visitPre.visitId, part: 'pre' },
      body: {
        start: w.own.visitPre.start,
        end: w.own.visitPre.end,
        schoolId: schoolA.id,
        version: w.own.visitPre.version,
        allowOutsideWorkingHours: true,
      },
      foreign: schoolA.id,
      expect: [200],
      byDesign: 'a school is the place of an appointment: shared reference data every signed-in person reads',
    },
    {
      field: 'POST /api/v1/coaching/trajectories coacheePersonId',
      caller: 'coach',
      body: { ...trajectory, coacheePersonId: a.starter.id, schoolId: schoolB.id },
      foreign: a.starter.id,
      expect: [422],
      codes: ['coachee_not_at_school'],
    },
    {
      field: 'POST /api/v1/coaching/trajectories schoolId',
      caller: 'coach',
      body: { ...trajectory, coacheePersonId: a.starter.id, schoolId: schoolA.id },
      foreign: schoolA.id,
      expect: [422],
      codes: ['coach_not_at_school'],
    },
    {
      field: 'POST /api/v1/coaching/trajectories coachPersonId',
      caller: 'coach',
      body: { ...trajectory, coachPersonId: a.ownerCoach.id, coacheePersonId: b.teacher1.id, schoolId: schoolB.id },
      foreign: a.ownerCoach.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/coaching/trajectories coacheePersonId',
      caller: 'director',
      body: { ...trajectory, coacheePersonId: a.starter.id, schoolId: schoolA.id },
      foreign: a.starter.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/coaching/trajectories coacheePersonId',
      caller: 'teacher',
      body: { ...trajectory, coacheePersonId: a.starter.id, schoolId: schoolA.id },
      foreign: a.starter.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/coaching/visits teacherPersonId',
      caller: 'coach',
      body: visit(a.starter.id, schoolB.id),
      foreign: a.starter.id,
      expect: [422],
      codes: ['teacher_not_at_school'],
    },
    {
      field: 'POST /api/v1/coaching/visits schoolId',
      caller: 'coach',
      body: visit(a.starter.id, schoolA.id),
      foreign: schoolA.id,
      expect: [422],
      codes: ['observer_not_at_school'],
    },
    {
      field: 'POST /api/v1/coaching/visits observerPersonId',
      caller: 'coach',
      body: { ...visit(b.teacher1.id, schoolB.id), observerPersonId: a.ownerCoach.id },
      foreign: a.ownerCoach.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/coaching/visits teacherPersonId',
      caller: 'director',
      body: visit(a.starter.id, schoolA.id),
      foreign: a.starter.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/coaching/visits formId',
      caller: 'coach',
      body: { ...visit(b.teacher1.id, schoolB.id), formId: w.formId },
      foreign: w.formId,
      expect: [201],
      byDesign: "observation forms are the foundation's shared reference data (every signed-in person reads them)",
    },

    // --- intervision ------------------------------------------------------------------------------
    {
      field: 'POST /api/v1/intervision/groups memberPersonIds',
      caller: 'coach',
      body: { ...intervision, schoolId: schoolB.id, memberPersonIds: [b.teacher1.id, b.teacher2.id, a.starter.id] },
      foreign: a.starter.id,
      expect: [201],
      byDesign: INTERVISION_ACROSS_SCHOOLS,
    },
    {
      field: 'POST /api/v1/intervision/groups facilitatorPersonId',
      caller: 'coach',
      body: { ...intervision, schoolId: schoolB.id, facilitatorPersonId: a.ownerCoach.id, memberPersonIds: [] },
      foreign: a.ownerCoach.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/intervision/groups schoolId',
      caller: 'coach',
      body: { ...intervision, schoolId: schoolA.id, memberPersonIds: [b.teacher1.id, b.teacher2.id, b.teacher3.id] },
      foreign: schoolA.id,
      expect: [201],
      byDesign: 'a school is the meeting place of a group (groups span schools): shared reference data',
    },
    {
      field: 'POST /api/v1/intervision/groups memberPersonIds',
      caller: 'teacher',
      body: { ...intervision, schoolId: schoolA.id, memberPersonIds: [a.starter.id, a.starter2.id, a.starter3.id] },
      foreign: a.starter.id,
      expect: [403],
    },
    {
      field: 'POST /api/v1/intervision/groups/{id}/members personId',
      caller: 'coach',
      params: { id: w.own.groupId },
      body: { personId: a.starter3.id },
      foreign: a.starter3.id,
      expect: [201],
      byDesign: INTERVISION_ACROSS_SCHOOLS,
    },
    {
      field: 'PUT /api/v1/intervision/meetings/{id}/case-presenter personId',
      caller: 'coach',
      params: { id: w.own.meetings[0] },
      body: { personId: a.starter.id },
      foreign: a.starter.id,
      expect: [422],
      codes: ['not_a_member'],
    },
    {
      field: 'POST /api/v1/intervision/meetings/{id}/case-presenter/swap meetingId',
      caller: 'coach',
      params: { id: w.own.meetings[0] },
      body: { meetingId: w.meetingsA[1] },
      foreign: w.meetingsA[1],
      expect: [404],
    },
    {
      field: 'PUT /api/v1/intervision/meetings/{id}/attendance items[].personId',
      caller: 'coach',
      params: { id: w.own.meetings[0] },
      body: { items: [{ personId: a.starter.id, status: 'excused' }] },
      foreign: a.starter.id,
      expect: [422],
      codes: ['not_invited'],
    },
  ];
}

/** The path and method of a case's field key. */
function routeOf(field: string): { method: string; path: string } {
  const [method, path] = field.split(' ');
  return { method, path };
}

describe('object-level authorization of ids in bodies and query strings (BOLA, OWASP API1)', () => {
  let api: RunningApi;
  let db: DataSource;
  let document: OpenAPIV3.Document;
  let world: World;
  let table: Case[];
  /** Ids of school A's people and objects: none may appear in a 2xx answer to these callers. */
  let secrets: string[];
  const callers = {} as Record<Caller, Record<string, string>>;
  const owners = {} as Record<'admin' | 'ownerCoach' | 'starter' | 'coach', Record<string, string>>;

  const send = (method: string, url: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${api.url}${url}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function setUp<T = Record<string, unknown>>(
    owner: keyof typeof owners,
    method: string,
    url: string,
    body?: unknown,
  ) {
    const response = await send(method, `/api/v1${url}`, owners[owner], body);
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`setting up: ${method} ${url} as ${owner} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** The request of a case as method, URL and body, with the foreign id replaced by `id`. */
  function requestOf(c: Case, id: string): { method: string; url: string; body?: unknown } {
    const swap = <T>(value: T): T =>
      value === undefined ? value : (JSON.parse(JSON.stringify(value).split(c.foreign).join(id)) as T);
    const { method, path } = routeOf(c.field);
    const params = swap(c.params) ?? {};
    const query = swap(c.query);
    const url =
      path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        if (!params[name]) {
          throw new Error(`the case for ${c.field} has no value for {${name}}`);
        }
        return encodeURIComponent(params[name]);
      }) + (query ? `?${new URLSearchParams(query).toString()}` : '');
    return { method, url, body: method === 'GET' ? undefined : swap(c.body) };
  }

  /** An answer without what differs between two requests anyway (request ids, the id sent). */
  function normalized(text: string, ids: string[]): unknown {
    let replaced = text;
    for (const id of ids) {
      replaced = replaced.split(id).join('<id>');
    }
    try {
      const parsed = JSON.parse(replaced) as Record<string, unknown>;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const volatile of ['instance', 'requestId', 'traceId', 'timestamp']) {
          delete parsed[volatile];
        }
      }
      return parsed;
    } catch {
      return replaced;
    }
  }

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    const schoolA = await make.school({ name: 'ref BOLA A' });
    const schoolB = await make.school({ name: 'ref BOLA B' });
    const admin = await make.person({ isAdmin: true });
    const atA = (fn: SchoolFunction) => make.person({ memberships: [{ schoolId: schoolA.id, function: fn }] });
    const atB = (fn: SchoolFunction) => make.person({ memberships: [{ schoolId: schoolB.id, function: fn }] });
    const a = {
      ownerCoach: await atA('werkbegeleider'),
      starter: await atA('starter'),
      starter2: await atA('starter'),
      starter3: await atA('starter'),
      director: await atA('director'),
    };
    const b = { teacher1: await atB('teacher'), teacher2: await atB('teacher'), teacher3: await atB('starter') };
    const strangers: Record<Caller, Person> = {
      teacher: await atA('teacher'),
      coach: await atB('intern_begeleider'),
      director: await atB('director'),
    };
    owners.admin = await signIn(api, admin.id);
    owners.ownerCoach = await signIn(api, a.ownerCoach.id);
    owners.starter = await signIn(api, a.starter.id);
    for (const [caller, stranger] of Object.entries(strangers)) {
      callers[caller as Caller] = await signIn(api, stranger.id);
    }
    owners.coach = callers.coach;

    // School A's objects, made by their owners through the API.
    const first = uniqueSlot();
    const themeA = await setUp<{ id: string }>('ownerCoach', 'POST', '/theme-meetings', {
      title: 'Thema A',
      format: 'on_site',
      schoolId: schoolA.id,
      capacity: 10,
      hoursCredited: 2,
      sessions: [first],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: first.start,
      audienceSchoolIds: [schoolA.id],
      audienceFunctions: ['starter'],
    });
    const registration = await setUp<{ id: string }>(
      'starter',
      'POST',
      `/theme-meetings/${themeA.id}/registrations`,
      {},
    );
    const trajectory = await setUp<{ id: string }>('ownerCoach', 'POST', '/coaching/trajectories', {
      coacheePersonId: a.starter.id,
      schoolId: schoolA.id,
      coachingQuestion: 'Hoe start ik de dag rustig?',
      goals: 'Een vaste start.',
      method: 'grow',
      plannedSessions: 4,
      startDate: '2029-01-01',
    });
    const groupA = await setUp<{ id: string }>('ownerCoach', 'POST', '/intervision/groups', {
      name: 'Intervisie A',
      method: 'incident',
      schoolId: schoolA.id,
      room: 'Teamkamer',
      schoolYear: '2029-2030',
      closurePolicy: 'shift',
      memberPersonIds: [a.starter.id, a.starter2.id, a.starter3.id],
    });
    const seriesA = await setUp<{ meetings: Array<{ id: string }> }>(
      'ownerCoach',
      'POST',
      `/intervision/groups/${groupA.id}/series`,
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=4;BYDAY=WE',
        startsOn: '2029-09-05',
        until: '2029-12-19',
        startTime: '14:00',
        durationMinutes: 90,
        allowOutsideWorkingHours: true,
      },
    );
    const forms = await setUp<Array<{ id: string; isDefault: boolean }>>('admin', 'GET', '/coaching/forms');

    // The coach of school B's own objects, to name school A's ids in.
    const appointment = await setUp<{ id: string; version: number }>('coach', 'POST', '/appointments', {
      title: 'Eigen gesprek',
      ...uniqueSlot(),
      schoolId: schoolB.id,
      participants: [{ personId: b.teacher1.id }],
      allowOutsideWorkingHours: true,
    });
    const own = uniqueSlot();
    const themeB = await setUp<{ id: string; sessions: Array<{ id: string }> }>('coach', 'POST', '/theme-meetings', {
      title: 'Thema B',
      format: 'on_site',
      schoolId: schoolB.id,
      capacity: 10,
      hoursCredited: 2,
      sessions: [own],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: own.start,
      audienceSchoolIds: [schoolB.id],
      audienceFunctions: ['starter'],
    });
    // Attendance is marked once a session has started: this one started an hour ago.
    await db.query('UPDATE theme_meeting_session SET starts_at = ?, ends_at = ? WHERE id = ?', [
      new Date(Date.now() - 3_600_000),
      new Date(Date.now() + 3_600_000),
      themeB.sessions[0].id,
    ]);
    const groupB = await setUp<{ id: string }>('coach', 'POST', '/intervision/groups', {
      name: 'Intervisie B',
      method: 'incident',
      schoolId: schoolB.id,
      room: 'Teamkamer',
      schoolYear: '2029-2030',
      closurePolicy: 'shift',
      memberPersonIds: [b.teacher1.id, b.teacher2.id, b.teacher3.id],
    });
    const seriesB = await setUp<{ meetings: Array<{ id: string }> }>(
      'coach',
      'POST',
      `/intervision/groups/${groupB.id}/series`,
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=4;BYDAY=TH',
        startsOn: '2029-09-06',
        until: '2029-12-20',
        startTime: '14:00',
        durationMinutes: 90,
        allowOutsideWorkingHours: true,
      },
    );

    // Coach B's own coaching session and visit (in 2032, away from the other cases' times), to move to school A.
    const trajectoryB = await setUp<{ id: string }>('coach', 'POST', '/coaching/trajectories', {
      coacheePersonId: b.teacher1.id,
      schoolId: schoolB.id,
      coachingQuestion: 'Hoe start ik de dag rustig?',
      goals: 'Een vaste start.',
      method: 'grow',
      plannedSessions: 4,
      startDate: '2029-01-01',
    });
    const sessionB = await setUp<{ id: string; version: number }>(
      'coach',
      'POST',
      `/coaching/trajectories/${trajectoryB.id}/sessions`,
      { start: '2032-03-22T10:00:00+01:00', end: '2032-03-22T11:00:00+01:00', allowOutsideWorkingHours: true },
    );
    const visitB = await setUp<{
      id: string;
      appointments: Array<{ part: string; start: string; end: string; version: number }>;
    }>('coach', 'POST', '/coaching/visits', {
      teacherPersonId: b.teacher2.id,
      schoolId: schoolB.id,
      groupName: 'groep 5',
      start: '2032-03-10T09:00:00+01:00',
      end: '2032-03-10T09:45:00+01:00',
    });
    const preB = visitB.appointments.find((appointment) => appointment.part === 'pre')!;

    world = {
      schoolA,
      schoolB,
      a,
      b,
      callerIds: { teacher: strangers.teacher.id, coach: strangers.coach.id, director: strangers.director.id },
      themeRegistrationId: registration.id,
      trajectoryId: trajectory.id,
      meetingsA: seriesA.meetings.map((m) => m.id),
      formId: forms.find((form) => form.isDefault)?.id ?? forms[0].id,
      own: {
        appointment,
        theme: { id: themeB.id, sessionId: themeB.sessions[0].id },
        groupId: groupB.id,
        meetings: seriesB.meetings.map((m) => m.id),
        session: { id: sessionB.id, version: sessionB.version },
        visitPre: { visitId: visitB.id, start: preB.start, end: preB.end, version: preB.version },
      },
    };
    secrets = [
      ...Object.values(a).map((p) => p.id),
      themeA.id,
      registration.id,
      trajectory.id,
      groupA.id,
      ...world.meetingsA,
    ];
    table = cases(world);
    document = (await readJson(await fetch(`${api.url}/api/openapi.json`))) as OpenAPIV3.Document;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  it('has a case for every id in a request body or query string of the OpenAPI document', () => {
    const fields = idFields(document);
    const covered = new Set(table.map((c) => c.field));
    const missing = [...fields]
      .filter((field) => !covered.has(field))
      .map((field) => `${field}: add a case in test/auth/reference-authorization.e2e-spec.ts`);
    const stale = [...covered].filter((field) => !fields.has(field)).map((field) => `${field}: not in the document`);
    // The ids known when this test was written; the walker must keep finding at least these.
    for (const known of [
      'POST /api/v1/coaching/trajectories coacheePersonId',
      'POST /api/v1/appointments participants[].personId',
      'POST /api/v1/coaching/visits teacherPersonId',
      'POST /api/v1/intervision/groups memberPersonIds',
      'GET /api/v1/professional-development.csv ?personId',
      'GET /api/v1/scheduling/slots ?personId',
      'PUT /api/v1/theme-meetings/{id}/sessions/{sessionId}/attendance items[].registrationId',
    ]) {
      expect(fields).toContain(known);
    }
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('refuses another school’s ids in bodies and query strings, reveals nothing, and stores nothing', async () => {
    const findings: string[] = [];
    for (const c of table) {
      const where = `${c.field} as ${c.caller}`;
      const request = requestOf(c, c.foreign);
      const writes = request.method !== 'GET';
      const before = writes ? await tableChecksums(db) : undefined;
      const response = await send(request.method, request.url, callers[c.caller], request.body);
      const text = await response.text();
      const status = response.status;
      if (!c.expect.includes(status)) {
        findings.push(`${where} → ${status} (expected ${c.expect.join(' or ')}): ${text.slice(0, 300)}`);
        continue;
      }
      if (status === 422 && c.codes) {
        const code = (JSON.parse(text) as { code?: string }).code;
        if (!code || !c.codes.includes(code)) {
          findings.push(`${where} → 422 ${code} (expected ${c.codes.join(' or ')}): ${text.slice(0, 300)}`);
        }
      }
      if (c.byDesign) {
        continue;
      }
      if (status < 300) {
        const leaked = secrets.filter((id) => id !== c.foreign && text.includes(id));
        if (leaked.length > 0 || (status === 200 && text.includes(c.foreign) && !request.url.includes('csv'))) {
          findings.push(`${where} → ${status} shows school A's objects: ${text.slice(0, 300)}`);
        }
      }
      if (before) {
        const changed = changedTables(before, await tableChecksums(db));
        if (changed.length > 0) {
          findings.push(`${where} → ${status}: the database changed (${changed.join(', ')})`);
        }
      }
      // The same request with an id that exists nowhere must get the same answer.
      const unknown = randomUUID();
      const twin = requestOf(c, unknown);
      const twinResponse = await send(twin.method, twin.url, callers[c.caller], twin.body);
      const twinText = await twinResponse.text();
      const ids = [c.foreign, unknown];
      if (
        twinResponse.status !== status ||
        JSON.stringify(normalized(twinText, ids)) !== JSON.stringify(normalized(text, ids))
      ) {
        findings.push(
          `${where}: answers differently for another school's id (${status} ${text.slice(0, 200)}) than for an unknown id (${twinResponse.status} ${twinText.slice(0, 200)}), so it reveals that the object exists`,
        );
      }
    }
    expect(table.length).toBeGreaterThan(30);
    expect(findings).toEqual([]);
  });
});
