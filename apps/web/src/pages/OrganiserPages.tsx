import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemOf, type Problem, type Registration, type Schemas, type ThemeMeeting } from '../api/client';
import {
  amsterdamMidnight,
  formatDate,
  formatDateTime,
  formatTimeRange,
  timeInAmsterdam,
  todayInAmsterdam,
  ZONE,
} from '../format';
import { fill } from '../i18n';
import { Link, navigate } from '../router';
import { ConfirmedAction, ErrorMessage, Loading, PageTitle } from './common';
import { useManageText } from './manage-i18n';

type Format = ThemeMeeting['format'];
type OfferMode = ThemeMeeting['offerMode'];
type SchoolFunction = Schemas['MembershipResponse']['function'];
type School = Schemas['SchoolResponse'];

const FUNCTIONS: SchoolFunction[] = [
  'teacher',
  'starter',
  'trainee',
  'teaching_assistant',
  'director',
  'werkbegeleider',
  'intern_begeleider',
  'kwaliteitscoordinator',
  'vakcoach',
  'schoolopleider',
];

/** A date and a wall-clock time in Amsterdam as an instant with its offset (CET or CEST). */
export function amsterdamInstant(date: string, time: string): string {
  return `${date}T${time}:00${amsterdamMidnight(date).slice(19)}`;
}

/** The date (YYYY-MM-DD) and time (HH:MM) in Amsterdam of an instant. */
function amsterdamParts(iso: string): { date: string; time: string } {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
  return { date: todayInAmsterdam(new Date(iso)), time };
}

/** Every school (the API pages by name). */
export function useSchools(): School[] | null {
  const [schools, setSchools] = useState<School[] | null>(null);
  useEffect(() => {
    let stale = false;
    void (async () => {
      const all: School[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await api.GET('/api/v1/schools', {
          params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
        });
        all.push(...(data?.items ?? []));
        cursor = data?.nextCursor ?? undefined;
      } while (cursor);
      if (!stale) {
        setSchools(all);
      }
    })();
    return () => {
      stale = true;
    };
  }, []);
  return schools;
}

/** /organiseren: the theme meetings I organise, newest first, with a link to make a new one. */
export function OrganisedMeetingsPage() {
  const { t, m, lang } = useManageText();
  const [items, setItems] = useState<Schemas['OrganisedMeetingLine'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/me/organised-theme-meetings').then(({ data, error, response }) => {
      setItems(data?.items ?? null);
      setProblem(data ? null : problemOf(error, response.status));
    });
  }, []);

  return (
    <>
      <PageTitle>{m.myOrganised}</PageTitle>
      <p>
        <Link href="/organiseren/nieuw">{m.newMeeting}</Link>
      </p>
      <ErrorMessage problem={problem} />
      {!items && !problem && <Loading />}
      {items && items.length === 0 && <p>{m.noOrganised}</p>}
      {items && items.length > 0 && (
        <ul className="cards">
          {items.map((meeting) => (
            <li key={meeting.id} className="card">
              <h2>
                <Link href={`/organiseren/${meeting.id}`}>{meeting.title}</Link>
              </h2>
              <p>
                {formatDate(meeting.start, lang)}, {formatTimeRange(meeting.start, meeting.end, lang)}
              </p>
              <p>
                <span className="tag">{t.formats[meeting.format]}</span>{' '}
                {meeting.status === 'cancelled' && <span className="tag warn">{m.meetingStatus.cancelled}</span>}
              </p>
              <p>
                {fill(m.seatsTaken, { n: meeting.confirmed, of: meeting.capacity })}
                {meeting.waitlist > 0 && <> · {fill(m.waitlistCount, { n: meeting.waitlist })}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface SessionDraft {
  date: string;
  start: string;
  end: string;
}

interface MeetingDraft {
  title: string;
  description: string;
  tags: string;
  format: Format;
  schoolId: string;
  room: string;
  onlineUrl: string;
  capacity: string;
  onlineCapacity: string;
  sessions: SessionDraft[];
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  audienceSchoolIds: string[];
  audienceFunctions: SchoolFunction[];
  hoursCredited: string;
  offerMode: OfferMode;
  offerHours: string;
}

function emptyDraft(): MeetingDraft {
  const now = new Date();
  const today = todayInAmsterdam(now);
  return {
    title: '',
    description: '',
    tags: '',
    format: 'on_site',
    schoolId: '',
    room: '',
    onlineUrl: '',
    capacity: '20',
    onlineCapacity: '',
    sessions: [{ date: '', start: '15:30', end: '17:00' }],
    // Registration opens at once unless the organiser says otherwise.
    opensDate: today,
    opensTime: timeInAmsterdam(now),
    closesDate: '',
    closesTime: '12:00',
    audienceSchoolIds: [],
    audienceFunctions: [],
    hoursCredited: '0',
    offerMode: 'confirm_directly',
    offerHours: '24',
  };
}

/** /organiseren/nieuw: a new theme meeting. */
export function NewMeetingPage() {
  const { m } = useManageText();
  const schools = useSchools();
  const [draft, setDraft] = useState<MeetingDraft>(emptyDraft);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<MeetingDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const setSession = (index: number, patch: Partial<SessionDraft>) =>
    set({ sessions: draft.sessions.map((session, i) => (i === index ? { ...session, ...patch } : session)) });
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const hybrid = draft.format === 'hybrid';
    const { data, error, response } = await api.POST('/api/v1/theme-meetings', {
      body: {
        title: draft.title,
        ...(draft.description ? { description: draft.description } : {}),
        tags: draft.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
        format: draft.format,
        ...(draft.format !== 'online' && draft.schoolId ? { schoolId: draft.schoolId } : {}),
        ...(draft.format !== 'online' && draft.room ? { room: draft.room } : {}),
        ...(draft.format !== 'on_site' && draft.onlineUrl ? { onlineUrl: draft.onlineUrl } : {}),
        capacity: Number(draft.capacity),
        ...(hybrid && draft.onlineCapacity ? { onlineCapacity: Number(draft.onlineCapacity) } : {}),
        sessions: draft.sessions.map((session) => ({
          start: amsterdamInstant(session.date, session.start),
          end: amsterdamInstant(session.date, session.end),
        })),
        registrationOpensAt: amsterdamInstant(draft.opensDate, draft.opensTime),
        registrationClosesAt: amsterdamInstant(draft.closesDate, draft.closesTime),
        ...(draft.audienceSchoolIds.length > 0 ? { audienceSchoolIds: draft.audienceSchoolIds } : {}),
        ...(draft.audienceFunctions.length > 0 ? { audienceFunctions: draft.audienceFunctions } : {}),
        hoursCredited: Number(draft.hoursCredited.replace(',', '.')),
        offerMode: draft.offerMode,
        offerHours: Number(draft.offerHours),
      },
    });
    setBusy(false);
    if (data) {
      navigate(`/organiseren/${data.id}`);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <>
      <p>
        <Link href="/organiseren">← {m.myOrganised}</Link>
      </p>
      <PageTitle>{m.newMeeting}</PageTitle>
      <form onSubmit={(event) => void submit(event)} className="card">
        <label htmlFor="m-title">{m.title}</label>
        <input
          id="m-title"
          required
          maxLength={200}
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        <label htmlFor="m-description">{m.description}</label>
        <textarea
          id="m-description"
          rows={4}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <label htmlFor="m-tags">{m.tags}</label>
        <input id="m-tags" value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />
        <FormatFields draft={draft} set={set} schools={schools} />

        {draft.sessions.map((session, index) => (
          <fieldset key={index}>
            <legend>{fill(m.session, { n: index + 1 })}</legend>
            <label htmlFor={`m-date-${index}`}>{m.date}</label>
            <input
              id={`m-date-${index}`}
              type="date"
              required
              value={session.date}
              onChange={(e) => setSession(index, { date: e.target.value })}
            />
            <label htmlFor={`m-start-${index}`}>{m.startTime}</label>
            <input
              id={`m-start-${index}`}
              type="time"
              required
              value={session.start}
              onChange={(e) => setSession(index, { start: e.target.value })}
            />
            <label htmlFor={`m-end-${index}`}>{m.endTime}</label>
            <input
              id={`m-end-${index}`}
              type="time"
              required
              value={session.end}
              onChange={(e) => setSession(index, { end: e.target.value })}
            />
            {index > 0 && (
              <p>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => set({ sessions: draft.sessions.filter((_, i) => i !== index) })}
                >
                  {fill(m.removeSession, { n: index + 1 })}
                </button>
              </p>
            )}
          </fieldset>
        ))}
        {draft.sessions.length < 10 && (
          <button
            type="button"
            className="secondary"
            onClick={() => set({ sessions: [...draft.sessions, { date: '', start: '15:30', end: '17:00' }] })}
          >
            {m.addSession}
          </button>
        )}

        <fieldset>
          <legend>{m.registrationWindow}</legend>
          <label htmlFor="m-opens-date">{m.opensOn}</label>
          <input
            id="m-opens-date"
            type="date"
            required
            value={draft.opensDate}
            onChange={(e) => set({ opensDate: e.target.value })}
          />
          <label htmlFor="m-opens-time">
            {m.opensOn} ({m.time})
          </label>
          <input
            id="m-opens-time"
            type="time"
            required
            value={draft.opensTime}
            onChange={(e) => set({ opensTime: e.target.value })}
          />
          <label htmlFor="m-closes-date">{m.closesOn}</label>
          <input
            id="m-closes-date"
            type="date"
            required
            value={draft.closesDate}
            onChange={(e) => set({ closesDate: e.target.value })}
          />
          <label htmlFor="m-closes-time">
            {m.closesOn} ({m.time})
          </label>
          <input
            id="m-closes-time"
            type="time"
            required
            value={draft.closesTime}
            onChange={(e) => set({ closesTime: e.target.value })}
          />
        </fieldset>

        <fieldset>
          <legend>{m.audience}</legend>
          <p className="muted">{m.audienceHint}</p>
          <fieldset>
            <legend>{m.audienceSchools}</legend>
            {(schools ?? []).map((school) => (
              <div className="checkbox" key={school.id}>
                <input
                  id={`aud-school-${school.id}`}
                  type="checkbox"
                  checked={draft.audienceSchoolIds.includes(school.id)}
                  onChange={() => set({ audienceSchoolIds: toggle(draft.audienceSchoolIds, school.id) })}
                />
                <label htmlFor={`aud-school-${school.id}`}>{school.name}</label>
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend>{m.audienceFunctions}</legend>
            {FUNCTIONS.map((fn) => (
              <div className="checkbox" key={fn}>
                <input
                  id={`aud-fn-${fn}`}
                  type="checkbox"
                  checked={draft.audienceFunctions.includes(fn)}
                  onChange={() => set({ audienceFunctions: toggle(draft.audienceFunctions, fn) })}
                />
                <label htmlFor={`aud-fn-${fn}`}>{m.functions[fn]}</label>
              </div>
            ))}
          </fieldset>
        </fieldset>

        <label htmlFor="m-hours">{m.hoursCredited}</label>
        <input
          id="m-hours"
          inputMode="decimal"
          value={draft.hoursCredited}
          onChange={(e) => set({ hoursCredited: e.target.value })}
        />
        <label htmlFor="m-offer-mode">{m.offerMode}</label>
        <select
          id="m-offer-mode"
          value={draft.offerMode}
          onChange={(e) => set({ offerMode: e.target.value as OfferMode })}
        >
          <option value="confirm_directly">{m.offerModes.confirm_directly}</option>
          <option value="offer">{m.offerModes.offer}</option>
        </select>
        {draft.offerMode === 'offer' && (
          <>
            <label htmlFor="m-offer-hours">{m.offerHours}</label>
            <input
              id="m-offer-hours"
              type="number"
              min={1}
              max={336}
              value={draft.offerHours}
              onChange={(e) => set({ offerHours: e.target.value })}
            />
          </>
        )}
        <p>
          <button type="submit" disabled={busy}>
            {m.create}
          </button>
        </p>
        <ErrorMessage problem={problem} />
      </form>
    </>
  );
}

function FormatFields({
  draft,
  set,
  schools,
}: {
  draft: MeetingDraft;
  set: (patch: Partial<MeetingDraft>) => void;
  schools: School[] | null;
}) {
  const { t, m } = useManageText();
  return (
    <>
      <label htmlFor="m-format">{t.format}</label>
      <select id="m-format" value={draft.format} onChange={(e) => set({ format: e.target.value as Format })}>
        <option value="on_site">{t.formats.on_site}</option>
        <option value="online">{t.formats.online}</option>
        <option value="hybrid">{t.formats.hybrid}</option>
      </select>
      {draft.format !== 'online' && (
        <>
          <label htmlFor="m-school">{m.location}</label>
          <select id="m-school" value={draft.schoolId} onChange={(e) => set({ schoolId: e.target.value })}>
            <option value="">—</option>
            {(schools ?? []).map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </select>
          <label htmlFor="m-room">{m.room}</label>
          <input id="m-room" maxLength={100} value={draft.room} onChange={(e) => set({ room: e.target.value })} />
        </>
      )}
      {draft.format !== 'on_site' && (
        <>
          <label htmlFor="m-url">{m.onlineUrl}</label>
          <input
            id="m-url"
            type="url"
            required={draft.format === 'online'}
            value={draft.onlineUrl}
            onChange={(e) => set({ onlineUrl: e.target.value })}
          />
        </>
      )}
      <label htmlFor="m-capacity">{draft.format === 'hybrid' ? m.capacityHybrid : m.capacity}</label>
      <input
        id="m-capacity"
        type="number"
        min={1}
        max={10000}
        required
        value={draft.capacity}
        onChange={(e) => set({ capacity: e.target.value })}
      />
      {draft.format === 'hybrid' && (
        <>
          <label htmlFor="m-online-capacity">{m.onlineCapacity}</label>
          <input
            id="m-online-capacity"
            type="number"
            min={1}
            max={10000}
            value={draft.onlineCapacity}
            onChange={(e) => set({ onlineCapacity: e.target.value })}
          />
        </>
      )}
    </>
  );
}

type Names = Map<string, Schemas['RegistrantName']>;

/** /organiseren/:id: the meeting as its organiser sees it; change it, registrations, attendance, evaluation. */
export function OrganiserMeetingPage({ id }: { id: string }) {
  const { t, m, lang } = useManageText();
  const [meeting, setMeeting] = useState<ThemeMeeting | null>(null);
  const [registrations, setRegistrations] = useState<Registration[]>([]);
  const [names, setNames] = useState<Names>(new Map());
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    const found = await api.GET('/api/v1/theme-meetings/{id}', { params: { path: { id } } });
    if (!found.data) {
      setProblem(problemOf(found.error, found.response.status));
      return;
    }
    setMeeting(found.data);
    const all: Registration[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.GET('/api/v1/theme-meetings/{id}/registrations', {
        params: { path: { id }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      });
      if (!page.data) {
        setProblem(problemOf(page.error, page.response.status));
        return;
      }
      all.push(...page.data.items);
      cursor = page.data.nextCursor ?? undefined;
    } while (cursor);
    setRegistrations(all);
    const named = await api.GET('/api/v1/theme-meetings/{id}/registrant-names', { params: { path: { id } } });
    setNames(new Map((named.data?.items ?? []).map((item) => [item.personId, item])));
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!meeting) {
    return (
      <>
        <PageTitle>{m.organise}</PageTitle>
        {problem ? <ErrorMessage problem={problem} /> : <Loading />}
      </>
    );
  }

  const confirmed = registrations.filter((r) => r.status === 'confirmed');
  const waiting = registrations
    .filter((r) => r.status === 'waitlisted' || r.status === 'offered')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const others = registrations.filter((r) => !['confirmed', 'waitlisted', 'offered'].includes(r.status));
  const nameOf = (personId: string) => names.get(personId)?.displayName ?? t.someone;
  const seatsTaken = meeting.capacity - meeting.seatsLeft;

  return (
    <>
      <p>
        <Link href="/organiseren">← {m.myOrganised}</Link>
      </p>
      <PageTitle>{meeting.title}</PageTitle>
      <dl className="facts">
        <dt>{t.status}</dt>
        <dd>
          {m.meetingStatus[meeting.status]} · {fill(m.seatsTaken, { n: seatsTaken, of: meeting.capacity })}
          {meeting.waitlistLength > 0 && <> · {fill(m.waitlistCount, { n: meeting.waitlistLength })}</>}
        </dd>
        <dt>{t.format}</dt>
        <dd>{t.formats[meeting.format]}</dd>
        <dt>{t.where}</dt>
        <dd>
          {meeting.room || '—'}
          {meeting.onlineUrl && (
            <>
              {' · '}
              <a href={meeting.onlineUrl}>{m.onlineUrl}</a>
            </>
          )}
        </dd>
        <dt>{m.registrationWindow}</dt>
        <dd>
          {formatDateTime(meeting.registrationOpensAt, lang)} – {formatDateTime(meeting.registrationClosesAt, lang)}
        </dd>
        <dt>{m.hoursCredited}</dt>
        <dd>{meeting.hoursCredited}</dd>
      </dl>
      {meeting.status === 'cancelled' && <p className="notice">{m.cancelledNotice}</p>}
      {meeting.status === 'published' && <EditMeeting meeting={meeting} onSaved={() => void load()} />}
      {meeting.status === 'published' && <MoveSession meeting={meeting} onMoved={() => void load()} />}

      <section aria-labelledby="registrations-title" className="card">
        <h2 id="registrations-title">{m.registrations}</h2>
        <h3>
          {m.confirmedList} ({confirmed.length})
        </h3>
        <RegistrationTable registrations={confirmed} nameOf={nameOf} names={names} />
        <h3>
          {m.waitlistList} ({waiting.length})
        </h3>
        <RegistrationTable registrations={waiting} nameOf={nameOf} names={names} showPosition />
        {others.length > 0 && (
          <details>
            <summary>
              {m.otherList} ({others.length})
            </summary>
            <RegistrationTable registrations={others} nameOf={nameOf} names={names} />
          </details>
        )}
      </section>

      <section aria-labelledby="attendance-title" className="card">
        <h2 id="attendance-title">{m.attendance}</h2>
        {meeting.sessions.some((session) => session.checkInUrl) && (
          <p>
            <Link href={`/organiseren/${meeting.id}/qr-code`}>{m.printQr}</Link>
          </p>
        )}
        {meeting.sessions.map((session, index) => (
          <SessionAttendance
            key={session.id}
            meetingId={meeting.id}
            session={session}
            index={index}
            count={meeting.sessions.length}
            nameOf={nameOf}
          />
        ))}
      </section>

      <Evaluations meetingId={meeting.id} />
      {meeting.status === 'published' && (
        <CancelMeeting
          meeting={meeting}
          confirmed={confirmed.length}
          waiting={waiting.length}
          onCancelled={() => void load()}
        />
      )}
    </>
  );
}

/** Moves one session to a new date and time (`POST /theme-meetings/{id}/move`). */
function MoveSession({ meeting, onMoved }: { meeting: ThemeMeeting; onMoved: () => void }) {
  const { m, lang } = useManageText();
  const first = meeting.sessions[0];
  const [position, setPosition] = useState(0);
  const [date, setDate] = useState(first ? amsterdamParts(first.start).date : '');
  const [start, setStart] = useState(first ? amsterdamParts(first.start).time : '');
  const [end, setEnd] = useState(first ? amsterdamParts(first.end).time : '');
  const [moved, setMoved] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const sessionName = (index: number) => fill(m.session, { n: index + 1 });

  const choose = (index: number) => {
    const session = meeting.sessions[index];
    setPosition(index);
    if (session) {
      setDate(amsterdamParts(session.start).date);
      setStart(amsterdamParts(session.start).time);
      setEnd(amsterdamParts(session.end).time);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMoved(null);
    setBusy(true);
    const body = { position, start: amsterdamInstant(date, start), end: amsterdamInstant(date, end) };
    const { data, error, response } = await api.POST('/api/v1/theme-meetings/{id}/move', {
      params: { path: { id: meeting.id } },
      body,
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setMoved(
        fill(m.moved, {
          session: sessionName(position),
          when: `${formatDate(body.start, lang)}, ${formatTimeRange(body.start, body.end, lang)}`,
        }),
      );
      onMoved();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <details className="card">
      <summary>{m.moveSession}</summary>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="mv-session">{m.whichSession}</label>
        <select id="mv-session" value={position} onChange={(e) => choose(Number(e.target.value))}>
          {meeting.sessions.map((session, index) => (
            <option key={session.id} value={index}>
              {sessionName(index)}: {formatDate(session.start, lang)},{' '}
              {formatTimeRange(session.start, session.end, lang)}
            </option>
          ))}
        </select>
        <label htmlFor="mv-date">{m.newDate}</label>
        <input id="mv-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <label htmlFor="mv-start">{m.startTime}</label>
        <input id="mv-start" type="time" required value={start} onChange={(e) => setStart(e.target.value)} />
        <label htmlFor="mv-end">{m.endTime}</label>
        <input id="mv-end" type="time" required value={end} onChange={(e) => setEnd(e.target.value)} />
        <p>
          <button type="submit" disabled={busy}>
            {m.moveSubmit}
          </button>
        </p>
        <div aria-live="polite">{moved && <p className="notice">{moved}</p>}</div>
        <ErrorMessage problem={problem} />
      </form>
    </details>
  );
}

/** Cancels the whole meeting after a second, explicit confirmation (`POST /theme-meetings/{id}/cancel`). */
function CancelMeeting({
  meeting,
  confirmed,
  waiting,
  onCancelled,
}: {
  meeting: ThemeMeeting;
  confirmed: number;
  waiting: number;
  onCancelled: () => void;
}) {
  const { m } = useManageText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const cancel = async (close: () => void) => {
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/theme-meetings/{id}/cancel', {
      params: { path: { id: meeting.id } },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      close();
      onCancelled();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <section aria-labelledby="cancel-title" className="card">
      <h2 id="cancel-title">{m.cancelMeeting}</h2>
      <p>{m.cancelIntro}</p>
      <ConfirmedAction
        label={m.cancelMeeting}
        question={fill(m.cancelConfirm, { n: confirmed, w: waiting, title: meeting.title })}
        yes={m.cancelYes}
        no={m.cancelNo}
        busy={busy}
        onConfirm={cancel}
      />
      <ErrorMessage problem={problem} />
    </section>
  );
}

function EditMeeting({ meeting, onSaved }: { meeting: ThemeMeeting; onSaved: () => void }) {
  const { m } = useManageText();
  const closes = amsterdamParts(meeting.registrationClosesAt);
  const [title, setTitle] = useState(meeting.title);
  const [description, setDescription] = useState(meeting.description ?? '');
  const [capacity, setCapacity] = useState(String(meeting.capacity));
  const [closesDate, setClosesDate] = useState(closes.date);
  const [closesTime, setClosesTime] = useState(closes.time);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { data, error, response } = await api.PATCH('/api/v1/theme-meetings/{id}', {
      params: { path: { id: meeting.id } },
      body: {
        title,
        description,
        capacity: Number(capacity),
        registrationClosesAt: amsterdamInstant(closesDate, closesTime),
      },
    });
    if (data) {
      setProblem(null);
      setSaved(true);
      onSaved();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <details className="card">
      <summary>{m.editMeeting}</summary>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="e-title">{m.title}</label>
        <input id="e-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor="e-description">{m.description}</label>
        <textarea id="e-description" rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
        <label htmlFor="e-capacity">{m.capacity}</label>
        <input
          id="e-capacity"
          type="number"
          min={1}
          max={10000}
          required
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
        <label htmlFor="e-closes-date">{m.closesOn}</label>
        <input
          id="e-closes-date"
          type="date"
          required
          value={closesDate}
          onChange={(e) => setClosesDate(e.target.value)}
        />
        <label htmlFor="e-closes-time">
          {m.closesOn} ({m.time})
        </label>
        <input
          id="e-closes-time"
          type="time"
          required
          value={closesTime}
          onChange={(e) => setClosesTime(e.target.value)}
        />
        <p>
          <button type="submit">{m.saveChanges}</button>
        </p>
        <div aria-live="polite">{saved && <p className="notice">{m.changed}</p>}</div>
        <ErrorMessage problem={problem} />
      </form>
    </details>
  );
}

function RegistrationTable({
  registrations,
  nameOf,
  names,
  showPosition = false,
}: {
  registrations: Registration[];
  nameOf: (personId: string) => string;
  names: Names;
  showPosition?: boolean;
}) {
  const { t, m, lang } = useManageText();
  if (registrations.length === 0) {
    return <p>{m.nobody}</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {showPosition && <th scope="col">{m.position}</th>}
            <th scope="col">{m.name}</th>
            <th scope="col">{m.schools}</th>
            <th scope="col">{m.mode}</th>
            <th scope="col">{m.registeredOn}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {registrations.map((registration) => (
            <tr key={registration.id}>
              {showPosition && <td>{registration.position ?? '—'}</td>}
              <th scope="row">{nameOf(registration.personId)}</th>
              <td>{names.get(registration.personId)?.schools.join(', ') ?? ''}</td>
              <td>{m.modes[registration.mode]}</td>
              <td>{formatDateTime(registration.createdAt, lang)}</td>
              <td>
                {m.regStatus[registration.status]}
                {registration.offerDeadline && (
                  <> ({fill(m.offeredUntil, { date: formatDateTime(registration.offerDeadline, lang) })})</>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Session = ThemeMeeting['sessions'][number];
type Mark = 'present' | 'absent' | '';

function SessionAttendance({
  meetingId,
  session,
  index,
  count,
  nameOf,
}: {
  meetingId: string;
  session: Session;
  index: number;
  count: number;
  nameOf: (personId: string) => string;
}) {
  const { m, lang } = useManageText();
  const [lines, setLines] = useState<Schemas['AttendanceLine'][] | null>(null);
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const started = Date.parse(session.start) <= Date.now();

  const apply = (items: Schemas['AttendanceLine'][]) => {
    setLines(items);
    setMarks(
      Object.fromEntries(
        items.map((line) => [line.registrationId, line.present === null ? '' : line.present ? 'present' : 'absent']),
      ),
    );
  };

  useEffect(() => {
    void api
      .GET('/api/v1/theme-meetings/{id}/sessions/{sessionId}/attendance', {
        params: { path: { id: meetingId, sessionId: session.id } },
      })
      .then(({ data, error, response }) => {
        if (data) {
          apply(data.items);
        } else {
          setProblem(problemOf(error, response.status));
        }
      });
  }, [meetingId, session.id]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const items = Object.entries(marks)
      .filter(([, mark]) => mark !== '')
      .map(([registrationId, mark]) => ({ registrationId, present: mark === 'present' }));
    if (items.length === 0) {
      return;
    }
    const { data, error, response } = await api.PUT('/api/v1/theme-meetings/{id}/sessions/{sessionId}/attendance', {
      params: { path: { id: meetingId, sessionId: session.id } },
      body: { items },
    });
    if (data) {
      apply(data.items);
      setProblem(null);
      setSaved(true);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const heading = `${count > 1 ? `${fill(m.session, { n: index + 1 })}: ` : ''}${formatDate(session.start, lang)}, ${formatTimeRange(session.start, session.end, lang)}`;
  const present = (lines ?? []).filter((line) => line.present === true).length;
  return (
    <form onSubmit={(event) => void save(event)} aria-label={heading}>
      <h3>{heading}</h3>
      {session.checkInCode && <p>{fill(m.checkInCode, { code: session.checkInCode })}</p>}
      {!lines && !problem && <Loading />}
      {lines && lines.length === 0 && <p>{m.nobody}</p>}
      {lines && lines.length > 0 && (
        <>
          <p>{fill(m.presentOf, { n: present, of: lines.length })}</p>
          {!started && <p className="muted">{m.notStarted}</p>}
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.name}</th>
                  <th scope="col">{m.attendance}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => {
                  const name = nameOf(line.personId);
                  const field = `att-${session.id}-${line.registrationId}`;
                  return (
                    <tr key={line.registrationId}>
                      <th scope="row">
                        <label htmlFor={field}>{name}</label>
                      </th>
                      <td>
                        <select
                          id={field}
                          disabled={!started}
                          value={marks[line.registrationId] ?? ''}
                          onChange={(e) => setMarks({ ...marks, [line.registrationId]: e.target.value as Mark })}
                        >
                          <option value="">{m.notMarked}</option>
                          <option value="present">{m.present}</option>
                          <option value="absent">{m.absent}</option>
                        </select>
                        {line.source === 'check_in' && <span className="muted"> ({m.byCheckIn})</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {started && <button type="submit">{m.saveAttendance}</button>}
        </>
      )}
      <div aria-live="polite">{saved && <p className="notice">{m.attendanceSaved}</p>}</div>
      <ErrorMessage problem={problem} />
    </form>
  );
}

function Evaluations({ meetingId }: { meetingId: string }) {
  const { m, lang } = useManageText();
  const [aggregate, setAggregate] = useState<Schemas['EvaluationAggregate'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api
      .GET('/api/v1/theme-meetings/{id}/evaluations', { params: { path: { id: meetingId } } })
      .then(({ data, error, response }) => {
        setAggregate(data ?? null);
        setProblem(data ? null : problemOf(error, response.status));
      });
  }, [meetingId]);

  const scores = ['1', '2', '3', '4', '5'] as const;
  const average =
    aggregate?.average === null || aggregate?.average === undefined
      ? ''
      : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(
          aggregate.average,
        );
  const max = Math.max(1, ...scores.map((score) => aggregate?.distribution[score] ?? 0));
  return (
    <section aria-labelledby="evaluation-title" className="card">
      <h2 id="evaluation-title">{m.evaluations}</h2>
      <ErrorMessage problem={problem} />
      {aggregate && aggregate.count === 0 && <p>{m.noEvaluations}</p>}
      {aggregate && aggregate.count > 0 && (
        <>
          <p>{fill(m.evaluationSummary, { n: aggregate.count, avg: average })}</p>
          <div className="table-wrap">
            <table>
              <caption>{m.scoreDistribution}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.score}</th>
                  <th scope="col">{m.count}</th>
                </tr>
              </thead>
              <tbody>
                {scores.map((score) => {
                  const n = aggregate.distribution[score] ?? 0;
                  return (
                    <tr key={score}>
                      <th scope="row">{score}</th>
                      <td>
                        <span className="bar" aria-hidden="true">
                          <svg width={160} height={14} focusable="false">
                            <rect width={(160 * n) / max} height={14} fill="#1f5f8b" />
                          </svg>
                        </span>{' '}
                        {n}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {aggregate.comments.length > 0 && (
            <>
              <h3>{m.comments}</h3>
              <ul>
                {aggregate.comments.map((comment, index) => (
                  <li key={index}>{comment}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
