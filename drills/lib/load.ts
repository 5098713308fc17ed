import { sleep } from '../../bench/lib';
import type { Foundation } from './foundation';

/** The reminder offsets the drill's processes run with: short, so reminders fire during the drill. */
export const DRILL_REMINDER_OFFSETS = { '*': ['90s', '30s'] };
export const DRILL_REMINDER_OFFSET_SECONDS: Record<string, number> = { '90s': 90, '30s': 30 };

export interface Answer {
  /** When the request was sent and when its answer came (Date.now()). */
  startedAt: number;
  at: number;
  op: string;
  method: string;
  status: number;
  code: string;
  problemJson: boolean;
}

/** A "soon" appointment: it starts minutes from now, so its reminders fire during the drill. */
export interface SoonAppointment {
  appointmentId: string;
  start: number;
  /** When the API acknowledged its last change (create, move, cancel). */
  lastChangeAt: number;
  version: number;
  cancelled: boolean;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

/**
 * A slot on a weekday 1 to 15 days from now, 07:00–14:45 UTC on a 15-minute grid; `salt` spreads
 * the actors over different days so that most plans succeed (a clash is a 409, which is fine).
 */
function futureSlot(minutes: number): { start: string; end: string } {
  for (;;) {
    const day = new Date(Date.now() + (1 + Math.floor(Math.random() * 15)) * DAY);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) {
      continue;
    }
    day.setUTCHours(7, Math.floor(Math.random() * 32) * 15, 0, 0);
    return { start: day.toISOString(), end: new Date(day.getTime() + minutes * MINUTE).toISOString() };
  }
}

/**
 * The mixed load: sign-up bursts for theme meetings of limited capacity, coaching sessions planned,
 * moved and cancelled, plain appointments, an intervision series; every request through one of
 * the API processes in turn, every answer recorded.
 */
export class Load {
  readonly answers: Answer[] = [];
  readonly soon = new Map<string, SoonAppointment>();
  readonly meetings: Array<{ id: string; capacity: number }> = [];
  readonly intervisionGroups: string[] = [];
  signUps = 0;
  /** Requests sent and not yet answered. */
  inFlight = 0;
  private next = 0;
  private stopAt = 0;
  private soonUntil = 0;
  private meetingDay = 0;

  constructor(
    private readonly foundation: Foundation,
    private readonly apiUrls: () => string[],
    private readonly log: (message: string) => void,
  ) {}

  async request(
    op: string,
    method: string,
    path: string,
    personId: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const urls = this.apiUrls();
    const url = urls[this.next++ % urls.length];
    const startedAt = Date.now();
    this.inFlight += 1;
    let status = 0;
    let parsed: Record<string, unknown> = {};
    let contentType = '';
    try {
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.foundation.tokens.get(personId)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      status = response.status;
      contentType = response.headers.get('content-type') ?? '';
      const text = await response.text();
      parsed = text && contentType.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      status = 0; // no answer at all (refused connection, timeout)
    }
    this.inFlight -= 1;
    this.answers.push({
      startedAt,
      at: Date.now(),
      op,
      method,
      status,
      code: typeof parsed.code === 'string' ? parsed.code : '',
      problemJson: contentType.startsWith('application/problem+json'),
    });
    return { status, body: parsed };
  }

  /** Runs every actor until `seconds` have passed; soon appointments only in the first half. */
  async run(seconds: number): Promise<void> {
    const started = Date.now();
    this.stopAt = started + seconds * 1000;
    this.soonUntil = started + (seconds * 1000) / 2;
    const { coaches } = this.foundation;
    await Promise.all([
      this.themeMeetings(coaches[0]),
      ...coaches.map((coach, index) => this.appointments(coach, this.foundation.teachersOf(index))),
      ...coaches.map((coach, index) => this.coaching(coach, this.foundation.teachersOf(index))),
      this.intervision(coaches[coaches.length - 1]),
    ]);
  }

  /** A teacher, for requests that need someone signed in. */
  someone(): string {
    return this.foundation.teachers[0];
  }

  private running(): boolean {
    return Date.now() < this.stopAt;
  }

  private soonSlot(): { start: string; end: string } {
    const start = Date.now() + (150 + Math.floor(Math.random() * 30)) * 1000;
    return { start: new Date(start).toISOString(), end: new Date(start + 20 * MINUTE).toISOString() };
  }

  /** A soon appointment may still change while its first reminder is at least 20 s away. */
  private mayChange(soon: SoonAppointment | undefined): boolean {
    return soon === undefined || Date.now() < soon.start - 90_000 - 20_000;
  }

  private track(appointmentId: string, start: string, version: number, cancelled = false): void {
    const startMs = Date.parse(start);
    const known = this.soon.get(appointmentId);
    if (known || startMs < Date.now() + 10 * MINUTE) {
      this.soon.set(appointmentId, { appointmentId, start: startMs, lastChangeAt: Date.now(), version, cancelled });
    }
  }

  private async appointments(coach: string, teachers: string[]): Promise<void> {
    while (this.running()) {
      const soon = Date.now() < this.soonUntil && Math.random() < 0.35;
      const slot = soon ? this.soonSlot() : futureSlot(45);
      const guests = [pick(teachers), pick(teachers)].filter((id, i, all) => all.indexOf(id) === i);
      const created = await this.request('appointment: plan', 'POST', '/appointments', coach, {
        title: 'Overleg (drill)',
        ...slot,
        schoolId: this.foundation.schoolId,
        room: 'Teamkamer',
        participants: guests.map((personId) => ({ personId, role: 'required' })),
      });
      if (created.status !== 201) {
        await sleep(100);
        continue;
      }
      const id = String(created.body.id);
      let version = Number(created.body.version);
      this.track(id, slot.start, version);
      const roll = Math.random();
      if (roll < 0.4 && this.mayChange(this.soon.get(id))) {
        const later = new Date(Date.parse(slot.start) + (soon ? 60_000 : 30 * MINUTE));
        const moved = await this.request('appointment: move', 'PATCH', `/appointments/${id}`, coach, {
          version,
          start: later.toISOString(),
          end: new Date(later.getTime() + 45 * MINUTE).toISOString(),
        });
        if (moved.status === 200) {
          version = Number(moved.body.version);
          this.track(id, later.toISOString(), version);
        }
      } else if (roll < 0.65 && this.mayChange(this.soon.get(id))) {
        const cancelled = await this.request('appointment: cancel', 'POST', `/appointments/${id}/cancel`, coach, {
          version,
        });
        if (cancelled.status === 200) {
          this.track(id, slot.start, Number(cancelled.body.version), true);
        }
      }
    }
  }

  private async coaching(coach: string, teachers: string[]): Promise<void> {
    const trajectories: string[] = [];
    for (const coachee of teachers.slice(0, 3)) {
      const created = await this.request('coaching: trajectory', 'POST', '/coaching/trajectories', coach, {
        coacheePersonId: coachee,
        schoolId: this.foundation.schoolId,
        coachingQuestion: 'Hoe houd ik de rust in de groep na de pauze?',
        goals: 'Een vaste start na de pauze.',
        method: 'grow',
        plannedSessions: 20,
        startDate: new Date().toISOString().slice(0, 10),
      });
      if (created.status === 201) {
        trajectories.push(String(created.body.id));
      }
    }
    if (trajectories.length === 0) {
      return;
    }
    while (this.running()) {
      const soon = Date.now() < this.soonUntil && Math.random() < 0.3;
      const slot = soon ? this.soonSlot() : futureSlot(60);
      const planned = await this.request(
        'coaching: plan session',
        'POST',
        `/coaching/trajectories/${pick(trajectories)}/sessions`,
        coach,
        slot,
      );
      if (planned.status !== 201) {
        await sleep(100);
        continue;
      }
      const sessionId = String(planned.body.id);
      const appointmentId = String(planned.body.appointmentId);
      this.track(appointmentId, slot.start, Number(planned.body.version));
      const roll = Math.random();
      if (roll < 0.4 && this.mayChange(this.soon.get(appointmentId))) {
        const later = new Date(Date.parse(slot.start) + (soon ? 60_000 : 90 * MINUTE));
        const moved = await this.request(
          'coaching: move session',
          'PATCH',
          `/coaching/sessions/${sessionId}`,
          coach,
          { start: later.toISOString(), end: new Date(later.getTime() + 60 * MINUTE).toISOString() },
          { 'if-match': `"${String(planned.body.version)}"` },
        );
        if (moved.status === 200) {
          this.track(appointmentId, later.toISOString(), Number(moved.body.version));
        }
      } else if (roll < 0.6 && this.mayChange(this.soon.get(appointmentId))) {
        const cancelled = await this.request(
          'coaching: cancel session',
          'POST',
          `/coaching/sessions/${sessionId}/cancel`,
          coach,
          { reason: 'Ziek (drill)' },
        );
        if (cancelled.status === 200) {
          this.track(appointmentId, slot.start, Number(cancelled.body.version), true);
        }
      }
    }
  }

  /** A meeting with a few seats, a burst of sign-ups through every API at once, a few cancellations. */
  private async themeMeetings(organizer: string): Promise<void> {
    const teachers = this.foundation.teachers;
    while (this.running()) {
      const capacity = 5 + Math.floor(Math.random() * 6);
      // Each meeting on a day of its own, 60 days and more ahead: the organiser is in every one.
      const start = new Date(Date.now() + (60 + this.meetingDay++) * DAY);
      start.setUTCHours(13, 0, 0, 0);
      const created = await this.request('theme: organise', 'POST', '/theme-meetings', organizer, {
        title: `Themabijeenkomst (drill) ${this.meetingDay}`,
        format: 'on_site',
        schoolId: this.foundation.schoolId,
        capacity,
        sessions: [{ start: start.toISOString(), end: new Date(start.getTime() + 2 * 60 * MINUTE).toISOString() }],
        registrationOpensAt: new Date(Date.now() - MINUTE).toISOString(),
        registrationClosesAt: new Date(start.getTime() - DAY).toISOString(),
      });
      if (created.status !== 201) {
        await sleep(500);
        continue;
      }
      const meetingId = String(created.body.id);
      this.meetings.push({ id: meetingId, capacity });
      const applicants = [...teachers].sort(() => Math.random() - 0.5).slice(0, 25);
      const registrations = await Promise.all(
        applicants.map((personId) =>
          this.request('theme: sign up', 'POST', `/theme-meetings/${meetingId}/registrations`, personId, {}),
        ),
      );
      this.signUps += registrations.length;
      const confirmed = registrations
        .map((answer, index) => ({ answer, personId: applicants[index] }))
        .filter(({ answer }) => answer.body.status === 'confirmed')
        .slice(0, 3);
      // Three seated people cancel: each freed seat goes to the next on the waitlist.
      await Promise.all(
        confirmed.map(({ answer, personId }) =>
          this.request(
            'theme: cancel registration',
            'POST',
            `/theme-meetings/${meetingId}/registrations/${String(answer.body.id)}/cancel`,
            personId,
          ),
        ),
      );
      await sleep(1_000);
    }
  }

  /** One intervision group with a weekly series; later one meeting moved and one cancelled. */
  private async intervision(facilitator: string): Promise<void> {
    const members = this.foundation.teachers.slice(-4);
    const group = await this.request('intervision: group', 'POST', '/intervision/groups', facilitator, {
      name: 'Intervisie (drill)',
      method: 'incident',
      schoolId: this.foundation.schoolId,
      room: 'Teamkamer',
      schoolYear: '2027-2028',
      closurePolicy: 'skip',
      memberPersonIds: members,
    });
    if (group.status !== 201) {
      this.log(`intervision group: ${group.status} ${JSON.stringify(group.body)}`);
      return;
    }
    const groupId = String(group.body.id);
    this.intervisionGroups.push(groupId);
    const series = await this.request(
      'intervision: series',
      'POST',
      `/intervision/groups/${groupId}/series`,
      facilitator,
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
        startsOn: '2027-09-08',
        until: '2027-12-15',
        startTime: '14:00',
        durationMinutes: 90,
      },
    );
    if (series.status !== 201) {
      this.log(`intervision series: ${series.status} ${JSON.stringify(series.body)}`);
      return;
    }
    await sleep(Math.max(0, (this.stopAt - Date.now()) / 2));
    const list = await this.request(
      'intervision: meetings',
      'GET',
      `/intervision/groups/${groupId}/meetings`,
      facilitator,
    );
    const meetings = (list.body.items ?? []) as Array<{ id: string; start: string; end: string; version: number }>;
    if (meetings.length >= 2) {
      const [first, second] = meetings;
      const later = (iso: string) => new Date(Date.parse(iso) + 60 * MINUTE).toISOString();
      await this.request('intervision: move meeting', 'PATCH', `/intervision/meetings/${first.id}`, facilitator, {
        start: later(first.start),
        end: later(first.end),
        version: first.version,
      });
      await this.request(
        'intervision: cancel meeting',
        'POST',
        `/intervision/meetings/${second.id}/cancel`,
        facilitator,
      );
    }
  }
}
