import type { DataSource } from 'typeorm';
import { changedTables, tableChecksums } from '@leerkring/testing/table-checksums';
import type { OpenAPIV3 } from 'openapi-types';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';

/**
 * Broken object-level authorization (OWASP API1), generated from the API's own OpenAPI document:
 * every route that takes an object id in its path is called, by every kind of caller who has no
 * business with that object, with the ids of objects that belong to other people (and another
 * school's people). Each must answer 401 (no session), 403 or 404: never 2xx, never 5xx, and a
 * refused write leaves everything stored as it was. A new route with a path parameter fails the
 * test until it has a fixture below (or is on the public list, with a reason).
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Routes meant to be called without signing in: the credential is the token in the path (a
 * signed link in a mail, or the long random token of a personal calendar feed). They are called
 * with forged tokens instead, which must be refused (4xx).
 */
const PUBLIC_TOKEN_ROUTES: Record<string, { query?: string; body?: unknown }> = {
  // RSVP links in invitations: the signed token is the credential.
  'GET /api/v1/rsvp/{token}': { query: 'answer=accept' },
  'POST /api/v1/rsvp/{token}': { body: { answer: 'accept' } },
  // The personal calendar feed: the random feed token is the credential.
  'GET /api/v1/calendar/{token}.ics': {},
  // Waitlist offer links (accept / decline a theme meeting seat): the signed token is the credential.
  'GET /api/v1/theme-offers/{token}': { query: 'answer=accept' },
  'POST /api/v1/theme-offers/{token}': { body: { answer: 'accept' } },
  // Evaluation links mailed after a theme meeting: the signed token is the credential.
  'GET /api/v1/theme-evaluations/{token}': {},
  'POST /api/v1/theme-evaluations/{token}': { body: { score: 5, comment: 'Vervalst' } },
};

/**
 * The callers, none of whom has anything to do with the objects below (which belong to a coach,
 * a starter and an admin of school A):
 * - teacher: a teacher at the same school A, not involved;
 * - colleagueCoach: another coach (vakcoach) at school A, not the coach of these objects;
 * - schoolDirector: the director of school A, who sees the school's people but never their
 *   coaching, visits or intervision unless taking part;
 * - coach: an intern begeleider at school B;
 * - director: the director of school B (another school);
 * - staff: a plain staff member, signed in, without any school role;
 * - anonymous: no session at all.
 */
const CALLERS = ['teacher', 'colleagueCoach', 'schoolDirector', 'coach', 'director', 'staff', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];

interface Fixture {
  /** Values for the path parameters: ids of objects owned by someone else. */
  params: Record<string, string>;
  query?: string;
  body?: unknown;
  /** GET only: this owner reads the same URL with 2xx, so the ids are real and only the caller is wrong. */
  owner?: Owner;
  /**
   * Callers that may read this (GET only) by design, with the reason in the fixture: shared
   * reference data (schools, closures, forms) and colleagues' records at one's own school.
   */
  mayRead?: readonly Caller[];
}

type Owner = 'admin' | 'ownerCoach' | 'starter';

/** Signed-in callers who may read shared reference data of the foundation. */
const SIGNED_IN: readonly Caller[] = CALLERS.filter((caller) => caller !== 'anonymous');

interface World {
  schoolA: School;
  schoolB: School;
  people: Record<Owner | 'starter2' | 'starter3' | 'directorA', Person>;
  apiTokenId: string;
  membershipId: string;
  closureId: string;
  unavailabilityId: string;
  appointment: { id: string; version: number };
  themeMeeting: { id: string; sessionId: string; registrationId: string };
  trajectoryId: string;
  session: { id: string };
  visitId: string;
  formId: string;
  groupId: string;
  meetings: Array<{ id: string; start: string; end: string }>;
}

/**
 * One fixture per route with a path parameter, keyed as `METHOD /path/{param}` in the document.
 * Only routes the document lists are called (a fixture may come before its route is merged).
 */
function fixtures(w: World): Record<string, Fixture> {
  const { starter, starter2, directorA } = w.people;
  const slot = uniqueSlot();
  const person = { id: starter.id };
  const appointment = { id: w.appointment.id };
  const theme = { id: w.themeMeeting.id };
  const trajectory = { id: w.trajectoryId };
  const session = { id: w.session.id };
  const visit = { id: w.visitId };
  const group = { id: w.groupId };
  const meeting = { id: w.meetings[0].id };
  const series = { rrule: 'FREQ=WEEKLY;BYDAY=TH', startsOn: '2030-01-10', until: '2030-03-28', startTime: '10:00' };
  return {
    // --- me, people ------------------------------------------------------------------------------
    'DELETE /api/v1/me/api-tokens/{id}': { params: { id: w.apiTokenId } },
    // Coaches and directors see the people of their own school (docs/authorization.md).
    'GET /api/v1/people/{id}': { params: person, owner: 'starter', mayRead: ['colleagueCoach', 'schoolDirector'] },
    'PATCH /api/v1/people/{id}': { params: person, body: { givenName: 'Gekaapt' } },
    'POST /api/v1/people/{id}/memberships': {
      params: person,
      body: { schoolId: w.schoolB.id, function: 'director' },
    },
    'DELETE /api/v1/people/{id}/memberships/{membershipId}': { params: { ...person, membershipId: w.membershipId } },
    'GET /api/v1/people/{id}/export': { params: person, owner: 'admin' },
    'POST /api/v1/people/{id}/erase': { params: person },
    // A director reads the working patterns and unavailability of their own school's people.
    'GET /api/v1/people/{personId}/working-pattern': {
      params: { personId: starter.id },
      owner: 'starter',
      mayRead: ['schoolDirector'],
    },
    'PUT /api/v1/people/{personId}/working-pattern': {
      params: { personId: starter.id },
      body: { blocks: [{ weekday: 'monday', start: '08:00', end: '09:00' }] },
    },
    'GET /api/v1/people/{personId}/unavailability': {
      params: { personId: starter.id },
      owner: 'starter',
      mayRead: ['schoolDirector'],
    },
    'POST /api/v1/people/{personId}/unavailability': {
      params: { personId: starter.id },
      body: { startsAt: slot.start, endsAt: slot.end, reason: 'Gekaapt' },
    },
    'DELETE /api/v1/people/{personId}/unavailability/{unavailabilityId}': {
      params: { personId: starter.id, unavailabilityId: w.unavailabilityId },
    },

    // --- schools and their calendars: every signed-in person reads them; only admins change them --
    'GET /api/v1/schools/{id}': { params: { id: w.schoolA.id }, owner: 'admin', mayRead: SIGNED_IN },
    'PATCH /api/v1/schools/{id}': { params: { id: w.schoolA.id }, body: { name: 'Gekaapt' } },
    'DELETE /api/v1/schools/{id}': { params: { id: w.schoolA.id } },
    'POST /api/v1/schools/{schoolId}/closures/import/ical': { params: { schoolId: w.schoolA.id }, body: {} },
    'GET /api/v1/schools/{schoolId}/closures': {
      params: { schoolId: w.schoolA.id },
      query: 'from=2029-01-01&to=2029-12-31',
      owner: 'admin',
      mayRead: SIGNED_IN,
    },
    'POST /api/v1/schools/{schoolId}/closures': {
      params: { schoolId: w.schoolA.id },
      body: { name: 'Gekaapte studiedag', startDate: '2030-03-06' },
    },
    'GET /api/v1/schools/{schoolId}/closed': {
      params: { schoolId: w.schoolA.id },
      query: 'date=2030-03-07',
      owner: 'admin',
      mayRead: SIGNED_IN,
    },
    'GET /api/v1/schools/{schoolId}/closures/{closureId}': {
      params: { schoolId: w.schoolA.id, closureId: w.closureId },
      owner: 'admin',
      mayRead: SIGNED_IN,
    },
    'PATCH /api/v1/schools/{schoolId}/closures/{closureId}': {
      params: { schoolId: w.schoolA.id, closureId: w.closureId },
      body: { name: 'Gekaapt' },
    },
    'DELETE /api/v1/schools/{schoolId}/closures/{closureId}': {
      params: { schoolId: w.schoolA.id, closureId: w.closureId },
    },
    // A school's calendar feed: admins only (the URL may hold a secret; the server fetches it).
    'GET /api/v1/schools/{schoolId}/calendar-feed': { params: { schoolId: w.schoolA.id }, owner: 'admin' },
    'PUT /api/v1/schools/{schoolId}/calendar-feed': {
      params: { schoolId: w.schoolA.id },
      body: { url: 'https://agenda.example.org/gekaapt.ics' },
    },
    'DELETE /api/v1/schools/{schoolId}/calendar-feed': { params: { schoolId: w.schoolA.id } },
    'POST /api/v1/schools/{schoolId}/calendar-feed/sync': { params: { schoolId: w.schoolA.id }, body: {} },

    // --- appointments (organised by the coach, the starter takes part) ------------------------------
    'GET /api/v1/appointments/{id}': { params: appointment, owner: 'starter' },
    'PATCH /api/v1/appointments/{id}': {
      params: appointment,
      body: { title: 'Gekaapt', version: w.appointment.version },
    },
    'POST /api/v1/appointments/{id}/cancel': { params: appointment, body: {} },
    'POST /api/v1/appointments/{id}/participants': {
      params: appointment,
      body: { participants: [{ personId: starter2.id }] },
    },
    'DELETE /api/v1/appointments/{id}/participants/{personId}': {
      params: { ...appointment, personId: starter.id },
    },
    'POST /api/v1/me/appointments/{id}/rsvp': {
      params: appointment,
      body: { answer: 'accept', version: w.appointment.version },
    },

    // --- theme meetings (audience: the starters of school A) -----------------------------------------
    'GET /api/v1/theme-meetings/{id}': { params: theme, owner: 'starter' },
    'PATCH /api/v1/theme-meetings/{id}': { params: theme, body: { title: 'Gekaapt' } },
    'POST /api/v1/theme-meetings/{id}/move': {
      params: theme,
      body: { start: slot.start, end: slot.end, position: 0 },
    },
    'POST /api/v1/theme-meetings/{id}/cancel': { params: theme, body: {} },
    'GET /api/v1/theme-meetings/{id}/registrations': { params: theme, owner: 'ownerCoach' },
    'POST /api/v1/theme-meetings/{id}/registrations': { params: theme, body: {} },
    'GET /api/v1/theme-meetings/{id}/registration': { params: theme, owner: 'starter' },
    'POST /api/v1/theme-meetings/{id}/registration/offer': { params: theme, body: { answer: 'accept' } },
    'GET /api/v1/theme-meetings/{id}/registrations/{registrationId}': {
      params: { ...theme, registrationId: w.themeMeeting.registrationId },
      owner: 'starter',
    },
    'POST /api/v1/theme-meetings/{id}/registrations/{registrationId}/cancel': {
      params: { ...theme, registrationId: w.themeMeeting.registrationId },
      body: {},
    },
    'GET /api/v1/theme-meetings/{id}/sessions/{sessionId}/attendance': {
      params: { ...theme, sessionId: w.themeMeeting.sessionId },
      owner: 'ownerCoach',
    },
    'PUT /api/v1/theme-meetings/{id}/sessions/{sessionId}/attendance': {
      params: { ...theme, sessionId: w.themeMeeting.sessionId },
      body: { items: [{ registrationId: w.themeMeeting.registrationId, present: false }] },
    },
    'POST /api/v1/theme-meetings/{id}/sessions/{sessionId}/check-in': {
      params: { ...theme, sessionId: w.themeMeeting.sessionId },
      body: { code: '123456' },
    },
    'POST /api/v1/theme-meetings/{id}/evaluation': { params: theme, body: { score: 1, comment: 'Gekaapt' } },
    'GET /api/v1/theme-meetings/{id}/evaluations': { params: theme, owner: 'ownerCoach' },
    'GET /api/v1/theme-meetings/{id}/registrant-names': { params: theme, owner: 'ownerCoach' },

    // --- coaching: a trajectory of the coach with the starter, a session, a classroom visit ----------
    'GET /api/v1/coaching/trajectories/{id}': { params: trajectory, owner: 'starter' },
    'POST /api/v1/coaching/trajectories/{id}/close': { params: trajectory, body: { evaluation: 'Gekaapt' } },
    'GET /api/v1/coaching/trajectories/{id}/slot-suggestions': {
      params: trajectory,
      query: 'from=2030-03-04&to=2030-03-08&duration=60&count=2',
      owner: 'ownerCoach',
    },
    'GET /api/v1/coaching/trajectories/{id}/sessions': { params: trajectory, owner: 'starter' },
    'POST /api/v1/coaching/trajectories/{id}/sessions': {
      params: trajectory,
      body: { start: slot.start, end: slot.end, allowOutsideWorkingHours: true },
    },
    'GET /api/v1/coaching/sessions/{id}': { params: session, owner: 'starter' },
    'PATCH /api/v1/coaching/sessions/{id}': {
      params: session,
      body: { start: slot.start, end: slot.end, allowOutsideWorkingHours: true },
    },
    'POST /api/v1/coaching/sessions/{id}/cancel': { params: session, body: { reason: 'Gekaapt' } },
    'POST /api/v1/coaching/sessions/{id}/held': { params: session, body: {} },
    'POST /api/v1/coaching/sessions/{id}/no-show': { params: session, body: {} },
    'GET /api/v1/coaching/sessions/{id}/note': { params: session, owner: 'ownerCoach' },
    'PUT /api/v1/coaching/sessions/{id}/note': { params: session, body: { text: 'Gekaapt' } },
    'GET /api/v1/coaching/sessions/{id}/agreements': { params: session, owner: 'starter' },
    'PUT /api/v1/coaching/sessions/{id}/agreements': { params: session, body: { text: 'Gekaapt' } },
    // Observation forms are the foundation's shared reference (the default form for everyone).
    'GET /api/v1/coaching/forms/{id}': { params: { id: w.formId }, owner: 'admin', mayRead: SIGNED_IN },
    // Changing or deactivating a form: admins only.
    'PATCH /api/v1/coaching/forms/{id}': { params: { id: w.formId }, body: { name: 'Gekaapt', active: false } },
    'GET /api/v1/coaching/visits/{id}': { params: visit, owner: 'starter' },
    'PATCH /api/v1/coaching/visits/{id}/appointments/{part}': {
      params: { ...visit, part: 'visit' },
      body: { start: slot.start, end: slot.end, allowOutsideWorkingHours: true },
    },
    'POST /api/v1/coaching/visits/{id}/cancel': { params: visit, body: {} },
    'POST /api/v1/coaching/visits/{id}/debrief-held': { params: visit, body: {} },
    'GET /api/v1/coaching/visits/{id}/observation': { params: visit, owner: 'ownerCoach' },
    'PUT /api/v1/coaching/visits/{id}/observation': {
      params: visit,
      body: { answers: [], overallComment: 'Gekaapt' },
    },
    'GET /api/v1/coaching/teachers/{personId}/observation-history': {
      params: { personId: starter.id },
      owner: 'starter',
    },

    // --- intervision: a group the coach facilitates, with two starters and a series ------------------
    'GET /api/v1/intervision/groups/{id}': { params: group, owner: 'starter' },
    'GET /api/v1/intervision/groups/{id}/meetings': { params: group, owner: 'starter' },
    'GET /api/v1/intervision/groups/{id}/skipped-dates': { params: group, owner: 'starter' },
    'GET /api/v1/intervision/groups/{id}/common-slots': {
      params: group,
      query: 'from=2029-09-03',
      owner: 'ownerCoach',
    },
    'POST /api/v1/intervision/groups/{id}/members': { params: group, body: { personId: directorA.id } },
    'DELETE /api/v1/intervision/groups/{id}/members/{personId}': { params: { ...group, personId: starter2.id } },
    'POST /api/v1/intervision/groups/{id}/series': {
      params: group,
      body: { ...series, durationMinutes: 60, allowOutsideWorkingHours: true },
    },
    'POST /api/v1/intervision/groups/{id}/series/replace': {
      params: group,
      body: { ...series, durationMinutes: 60, allowOutsideWorkingHours: true, from: '2030-01-01' },
    },
    'GET /api/v1/intervision/groups/{id}/attendance': { params: group, owner: 'ownerCoach' },
    'PATCH /api/v1/intervision/meetings/{id}': {
      params: meeting,
      body: { start: w.meetings[0].start, end: w.meetings[0].end, allowOutsideWorkingHours: true },
    },
    'POST /api/v1/intervision/meetings/{id}/cancel': { params: meeting, body: {} },
    'PUT /api/v1/intervision/meetings/{id}/case-presenter': { params: meeting, body: { personId: starter.id } },
    'POST /api/v1/intervision/meetings/{id}/case-presenter/swap': {
      params: meeting,
      body: { meetingId: w.meetings[1].id },
    },
    'GET /api/v1/intervision/meetings/{id}/attendance': { params: meeting, owner: 'starter' },
    'PUT /api/v1/intervision/meetings/{id}/attendance': {
      params: meeting,
      body: { items: [{ personId: starter.id, status: 'absent' }] },
    },
  };
}

interface Route {
  method: (typeof METHODS)[number];
  path: string;
  key: string;
}

function routesOf(document: OpenAPIV3.Document): Route[] {
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      if (item?.[method]) {
        routes.push({ method, path, key: `${method.toUpperCase()} ${path}` });
      }
    }
  }
  return routes;
}

const hasPathParameter = (route: Route) => /\{[^}]+\}/.test(route.path);

describe('object-level authorization of every route with an id (BOLA, OWASP API1)', () => {
  let api: RunningApi;
  let db: DataSource;
  let document: OpenAPIV3.Document;
  let world: World;
  let table: Record<string, Fixture>;
  const callers = {} as Record<Caller, Record<string, string>>;
  const owners = {} as Record<Owner, Record<string, string>>;

  const request = (method: string, url: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${api.url}${url}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** Sends as an owner while building the world; anything but 2xx stops the test with the answer. */
  async function setUp<T = Record<string, unknown>>(owner: Owner, method: string, url: string, body?: unknown) {
    const response = await request(method, `/api/v1${url}`, owners[owner], body);
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`setting up: ${method} ${url} as ${owner} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  const concrete = (route: Route, fixture: Fixture) =>
    route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = fixture.params[name];
      if (!value) {
        throw new Error(`the fixture of ${route.key} has no value for {${name}}`);
      }
      return encodeURIComponent(value);
    }) + (fixture.query ? `?${fixture.query}` : '');

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    const schoolA = await make.school({ name: 'obs BOLA A' });
    const schoolB = await make.school({ name: 'obs BOLA B' });
    const people = {
      admin: await make.person({ isAdmin: true }),
      ownerCoach: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'werkbegeleider' }] }),
      starter: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'starter' }] }),
      starter2: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'starter' }] }),
      starter3: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'starter' }] }),
      directorA: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'director' }] }),
    };
    const strangers: Record<Exclude<Caller, 'anonymous'>, Person> = {
      teacher: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'teacher' }] }),
      colleagueCoach: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'vakcoach' }] }),
      schoolDirector: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'director' }] }),
      coach: await make.person({ memberships: [{ schoolId: schoolB.id, function: 'intern_begeleider' }] }),
      director: await make.person({ memberships: [{ schoolId: schoolB.id, function: 'director' }] }),
      staff: await make.person(),
    };
    for (const owner of ['admin', 'ownerCoach', 'starter'] as const) {
      owners[owner] = await signIn(api, people[owner].id);
    }
    callers.anonymous = {};
    for (const [caller, person] of Object.entries(strangers)) {
      callers[caller as Caller] = await signIn(api, person.id);
    }

    // The objects, made by their owners through the API, as in real use.
    const apiToken = await setUp<{ id: string }>('starter', 'POST', '/me/api-tokens', {
      name: 'Eigen koppeling',
      scopes: ['read'],
    });
    const [membership] = await db.query<Array<{ id: string }>>('SELECT id FROM school_membership WHERE person_id = ?', [
      people.starter.id,
    ]);
    const closure = await setUp<{ id: string }>('admin', 'POST', `/schools/${schoolA.id}/closures`, {
      name: 'Studiedag BOLA',
      startDate: '2030-03-07',
    });
    const away = uniqueSlot();
    const unavailability = await setUp<{ id: string }>(
      'starter',
      'POST',
      `/people/${people.starter.id}/unavailability`,
      {
        startsAt: away.start,
        endsAt: away.end,
        reason: 'Tandarts',
      },
    );
    const appointment = await setUp<{ id: string; version: number }>('ownerCoach', 'POST', '/appointments', {
      title: 'Gesprek BOLA',
      ...uniqueSlot(),
      schoolId: schoolA.id,
      room: 'Teamkamer',
      participants: [{ personId: people.starter.id }],
      allowOutsideWorkingHours: true,
    });
    const first = uniqueSlot();
    const themeMeeting = await setUp<{ id: string; sessions: Array<{ id: string }> }>(
      'ownerCoach',
      'POST',
      '/theme-meetings',
      {
        title: 'Thema BOLA',
        format: 'on_site',
        schoolId: schoolA.id,
        capacity: 10,
        hoursCredited: 2,
        sessions: [first],
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: first.start,
        audienceSchoolIds: [schoolA.id],
        audienceFunctions: ['starter'],
      },
    );
    const registration = await setUp<{ id: string }>(
      'starter',
      'POST',
      `/theme-meetings/${themeMeeting.id}/registrations`,
      {},
    );
    const trajectory = await setUp<{ id: string }>('ownerCoach', 'POST', '/coaching/trajectories', {
      coacheePersonId: people.starter.id,
      schoolId: schoolA.id,
      coachingQuestion: 'Hoe start ik de dag rustig?',
      goals: 'Een vaste start.',
      method: 'grow',
      plannedSessions: 4,
      startDate: '2029-01-01',
    });
    const session = await setUp<{ id: string }>(
      'ownerCoach',
      'POST',
      `/coaching/trajectories/${trajectory.id}/sessions`,
      {
        ...uniqueSlot(),
        allowOutsideWorkingHours: true,
      },
    );
    await setUp('ownerCoach', 'PUT', `/coaching/sessions/${session.id}/note`, { text: 'Vertrouwelijk' });
    await setUp('ownerCoach', 'PUT', `/coaching/sessions/${session.id}/agreements`, { text: 'Afspraak' });
    const forms = await setUp<Array<{ id: string; isDefault: boolean }>>('admin', 'GET', '/coaching/forms');
    const visitSlot = uniqueSlot(45);
    const visit = await setUp<{ id: string }>('ownerCoach', 'POST', '/coaching/visits', {
      teacherPersonId: people.starter.id,
      schoolId: schoolA.id,
      groupName: 'groep 4',
      start: visitSlot.start,
      end: visitSlot.end,
    });
    await setUp('ownerCoach', 'PUT', `/coaching/visits/${visit.id}/observation`, {
      answers: [],
      overallComment: 'Rustige start',
    });
    const group = await setUp<{ id: string }>('ownerCoach', 'POST', '/intervision/groups', {
      name: 'Intervisie BOLA',
      method: 'incident',
      schoolId: schoolA.id,
      room: 'Teamkamer',
      schoolYear: '2029-2030',
      closurePolicy: 'shift',
      memberPersonIds: [people.starter.id, people.starter2.id, people.starter3.id],
    });
    const planned = await setUp<{ meetings: Array<{ id: string; start: string; end: string }> }>(
      'ownerCoach',
      'POST',
      `/intervision/groups/${group.id}/series`,
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=4;BYDAY=WE',
        startsOn: '2029-09-05',
        until: '2029-12-19',
        startTime: '14:00',
        durationMinutes: 90,
        allowOutsideWorkingHours: true,
      },
    );

    world = {
      schoolA,
      schoolB,
      people,
      apiTokenId: apiToken.id,
      membershipId: membership.id,
      closureId: closure.id,
      unavailabilityId: unavailability.id,
      appointment,
      themeMeeting: { id: themeMeeting.id, sessionId: themeMeeting.sessions[0].id, registrationId: registration.id },
      trajectoryId: trajectory.id,
      session,
      visitId: visit.id,
      formId: forms.find((form) => form.isDefault)?.id ?? forms[0].id,
      groupId: group.id,
      meetings: planned.meetings,
    };
    table = fixtures(world);
    document = (await readJson(await fetch(`${api.url}/api/openapi.json`))) as OpenAPIV3.Document;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  it('has a fixture for every route with an id in its path, or knows it is public', () => {
    const routes = routesOf(document).filter(hasPathParameter);
    const missing = routes
      .filter((route) => !table[route.key] && !(route.key in PUBLIC_TOKEN_ROUTES))
      .map((route) => `${route.key}: add a fixture in test/auth/object-authorization.e2e-spec.ts`);
    expect(routes.length).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });

  it('serves no route that the OpenAPI document (and so this test) does not know', () => {
    // Express 5 keeps the routes Nest registered in its router stack.
    const instance = api.app.getHttpAdapter().getInstance() as {
      router?: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
      _router?: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
    };
    const stack = (instance.router ?? instance._router)?.stack ?? [];
    const known = new Set(routesOf(document).map((route) => route.key));
    const served = stack
      // Wildcard layers (`/api/{*path}`) are Nest's middleware for every route, not endpoints.
      .filter((layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.includes('{*'))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map(
          (method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      )
      .filter((key) => METHODS.some((method) => key.startsWith(`${method.toUpperCase()} `)));
    // The document itself: Swagger UI under /api/docs and the document as JSON and YAML.
    const undocumented = served.filter(
      (key) =>
        !known.has(key) &&
        !key.startsWith('GET /api/docs') &&
        !['GET /api/openapi.json', 'GET /api/openapi.yaml'].includes(key),
    );

    expect(served.length).toBeGreaterThan(60);
    expect(undocumented).toEqual([]);
  });

  it('lets the owners read their objects (the fixtures name real objects)', async () => {
    const failures: string[] = [];
    for (const route of routesOf(document).filter((r) => r.method === 'get' && table[r.key]?.owner)) {
      const fixture = table[route.key];
      const response = await request('GET', concrete(route, fixture), owners[fixture.owner!]);
      const text = await response.text();
      if (!response.ok) {
        failures.push(`${route.key} as its owner (${fixture.owner}) → ${response.status}: ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(CALLERS)('refuses %s every object that is not theirs, and changes nothing', async (caller) => {
    const findings: string[] = [];
    let calls = 0;
    for (const route of routesOf(document).filter((r) => table[r.key])) {
      const fixture = table[route.key];
      const url = concrete(route, fixture);
      const writes = route.method !== 'get';
      const before = writes ? await tableChecksums(db) : undefined;
      const response = await request(
        route.method.toUpperCase(),
        url,
        callers[caller],
        writes ? fixture.body : undefined,
      );
      const text = await response.text();
      calls += 1;
      const where = `${route.key} as ${caller} → ${response.status}`;
      const allowed =
        caller === 'anonymous'
          ? [401]
          : route.method === 'get' && fixture.mayRead?.includes(caller)
            ? [200]
            : [403, 404];
      if (!allowed.includes(response.status)) {
        findings.push(`${where} (expected ${allowed.join(' or ')}): ${text.slice(0, 200)}`);
      }
      if (before) {
        const changed = changedTables(before, await tableChecksums(db));
        if (changed.length > 0) {
          findings.push(`${where}: the database changed (${changed.join(', ')})`);
        }
      }
    }

    expect(calls).toBeGreaterThan(60);
    expect(findings).toEqual([]);
  });

  it('refuses forged tokens on the public token routes', async () => {
    const findings: string[] = [];
    const routes = routesOf(document).filter((r) => r.key in PUBLIC_TOKEN_ROUTES);
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const route of routes) {
      const { query, body } = PUBLIC_TOKEN_ROUTES[route.key];
      const forged = 'lk.eyJpZCI6IjEyMyJ9.forged';
      const url = route.path.replace(/\{[^}]+\}/g, forged) + (query ? `?${query}` : '');
      const before = route.method === 'get' ? undefined : await tableChecksums(db);
      const response = await request(route.method.toUpperCase(), url, {}, route.method === 'get' ? undefined : body);
      await response.arrayBuffer();
      if (response.status < 400 || response.status >= 500) {
        findings.push(`${route.key} with a forged token → ${response.status}`);
      }
      if (before && changedTables(before, await tableChecksums(db)).length > 0) {
        findings.push(`${route.key} with a forged token: the database changed`);
      }
    }
    expect(findings).toEqual([]);
  });
});
