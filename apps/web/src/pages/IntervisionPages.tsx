import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, problemOf, type Person, type Problem, type Schemas } from '../api/client';
import { amsterdamMidnight, formatDate, formatDay, formatTimeRange, todayInAmsterdam, ZONE } from '../format';
import { fill } from '../i18n';
import { Link } from '../router';
import { useCoachText } from './coach-i18n';
import { GroupAttendance, IntervisionError, MeetingAttendance } from './IntervisionAttendance';
import { ConfirmedAction, Loading, PageTitle } from './common';
import { useIntervisionText } from './intervision-i18n';
import { PersonPicker } from './PersonPicker';
import './coach-pages.css';
import './intervision.css';

type Group = Schemas['GroupResponse'];
type Meeting = Schemas['MeetingResponse'];
type CommonSlot = Schemas['CommonSlotResponse'];

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
type Weekday = (typeof WEEKDAYS)[number];
const BYDAY: Record<CommonSlot['weekday'], Weekday> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
};
const CADENCES = [1, 2, 3, 4] as const;
const DURATIONS = [60, 75, 90, 120];

/** /intervisie: the groups I facilitate or am a member of. */
export function IntervisionGroupsPage({ me }: { me: Person }) {
  const { c } = useCoachText();
  const [items, setItems] = useState<Schemas['GroupSummaryResponse'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/intervision/groups').then(({ data, error, response }) => {
      setItems(data?.items ?? null);
      setProblem(data ? null : problemOf(error, response.status));
    });
  }, []);

  return (
    <>
      <PageTitle>{c.myGroups}</PageTitle>
      <IntervisionError problem={problem} />
      {!items && !problem && <Loading />}
      {items && items.length === 0 && <p>{c.noGroups}</p>}
      {items && items.length > 0 && (
        <ul className="cards">
          {items.map((group) => (
            <li key={group.id} className="card">
              <h2>
                <Link href={`/intervisie/${group.id}`}>{group.name}</Link>
              </h2>
              <p>
                <span className="tag">{fill(c.schoolYear, { year: group.schoolYear })}</span>{' '}
                {group.facilitatorPersonId === me.id ? c.youFacilitate : c.youAreMember}
              </p>
            </li>
          ))}
        </ul>
      )}
      {(me.roles.includes('coach') || me.isAdmin) && (
        <NewGroup me={me} onStarted={(group) => setItems((list) => [...(list ?? []), group])} />
      )}
    </>
  );
}

/** The current school year (August to July) and the next, e.g. ["2026-2027", "2027-2028"]. */
function schoolYears(today = todayInAmsterdam()): string[] {
  const year = Number(today.slice(0, 4));
  const first = Number(today.slice(5, 7)) >= 8 ? year : year - 1;
  return [`${first}-${first + 1}`, `${first + 1}-${first + 2}`];
}

/** The functions that make someone a coach (who may facilitate a group), as the API counts them. */
const COACH_FUNCTIONS = ['werkbegeleider', 'intern_begeleider', 'kwaliteitscoordinator', 'vakcoach', 'schoolopleider'];

/**
 * A coach starts a group they facilitate (`POST /intervision/groups`); members are added on its
 * page. An admin names the facilitator (`facilitatorPersonId`) with the person picker: one who is
 * not a coach must, a coach may (by default they facilitate it themselves).
 */
function NewGroup({ me, onStarted }: { me: Person; onStarted: (group: Schemas['GroupSummaryResponse']) => void }) {
  const { iv } = useIntervisionText();
  const isCoach = me.roles.includes('coach');
  const [facilitator, setFacilitator] = useState<Person | null>(null);
  const years = schoolYears();
  const [methods, setMethods] = useState<Schemas['MethodResponse'][]>([]);
  const [schools, setSchools] = useState<Schemas['SchoolResponse'][]>([]);
  const [name, setName] = useState('');
  const [method, setMethod] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [room, setRoom] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [schoolYear, setSchoolYear] = useState(years[0]);
  const [closurePolicy, setClosurePolicy] = useState<'skip' | 'shift'>('skip');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [started, setStarted] = useState<Schemas['GroupResponse'] | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/intervision/methods').then(({ data }) => {
      setMethods(data ?? []);
      setMethod((current) => current || data?.[0]?.code || '');
    });
    const mine = new Set(me.memberships.map((membership) => membership.schoolId));
    void api.GET('/api/v1/schools', { params: { query: { limit: 200 } } }).then(({ data }) => {
      const visible = (data?.items ?? []).filter((school) => me.isAdmin || mine.has(school.id));
      setSchools(visible);
      setSchoolId((current) => current || visible[0]?.id || '');
    });
  }, [me]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isCoach && !facilitator) {
      setProblem({ status: 400, code: 'no_facilitator' });
      return;
    }
    setBusy(true);
    setStarted(null);
    const { data, error, response } = await api.POST('/api/v1/intervision/groups', {
      body: {
        ...(facilitator ? { facilitatorPersonId: facilitator.id } : {}),
        name,
        method,
        schoolYear,
        closurePolicy,
        ...(schoolId ? { schoolId, room } : {}),
        ...(onlineUrl ? { onlineUrl } : {}),
      },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setStarted(data);
      setName('');
      setFacilitator(null);
      onStarted(data);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <section aria-labelledby="new-group-title" className="card new-group">
      <h2 id="new-group-title">{iv.newGroup}</h2>
      <p className="muted">{me.isAdmin ? iv.newGroupIntroAdmin : iv.newGroupIntro}</p>
      <form onSubmit={(event) => void submit(event)}>
        {me.isAdmin && (
          <fieldset className="facilitator">
            <legend>{iv.facilitator}</legend>
            <p>
              {facilitator ? (
                <>
                  {fill(iv.facilitatorChosen, { name: facilitator.displayName })}{' '}
                  <button type="button" className="secondary" onClick={() => setFacilitator(null)}>
                    {isCoach ? iv.facilitatorMyself : iv.facilitatorOther}
                  </button>
                </>
              ) : isCoach ? (
                iv.facilitatorYou
              ) : (
                iv.facilitatorNone
              )}
            </p>
            <PersonPicker
              id="group-facilitator"
              label={iv.searchFacilitator}
              pickLabel={(person) => fill(iv.chooseFacilitator, { name: person.displayName })}
              noneFound={iv.noCoachFound}
              accept={(person) =>
                person.active &&
                person.id !== facilitator?.id &&
                person.memberships.some((membership) => COACH_FUNCTIONS.includes(membership.function))
              }
              onPick={(person) => {
                setFacilitator(person);
                setProblem(null);
                return true;
              }}
            />
          </fieldset>
        )}
        <label htmlFor="group-name">{iv.groupName}</label>
        <input id="group-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="group-method">{iv.method}</label>
        <select id="group-method" required value={method} onChange={(e) => setMethod(e.target.value)}>
          {methods.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor="group-school">{iv.school}</label>
        <select id="group-school" value={schoolId} onChange={(e) => setSchoolId(e.target.value)}>
          {schools.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
          <option value="">{iv.noSchool}</option>
        </select>
        {schoolId && (
          <>
            <label htmlFor="group-room">{iv.room}</label>
            <input id="group-room" maxLength={100} value={room} onChange={(e) => setRoom(e.target.value)} />
          </>
        )}
        <label htmlFor="group-online">{iv.onlineUrl}</label>
        <input
          id="group-online"
          type="url"
          required={!schoolId}
          maxLength={500}
          pattern="https://.*"
          value={onlineUrl}
          onChange={(e) => setOnlineUrl(e.target.value)}
        />
        <label htmlFor="group-year">{iv.schoolYear}</label>
        <select id="group-year" value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{iv.closurePolicy}</legend>
          {(['skip', 'shift'] as const).map((policy) => (
            <span key={policy} className="choice">
              <input
                type="radio"
                id={`group-policy-${policy}`}
                name="group-policy"
                checked={closurePolicy === policy}
                onChange={() => setClosurePolicy(policy)}
              />
              <label htmlFor={`group-policy-${policy}`}>{iv.closurePolicies[policy]}</label>
            </span>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          {iv.startGroup}
        </button>
      </form>
      <div aria-live="polite">
        {started && (
          <p className="notice">
            {fill(iv.groupStarted, { name: started.name })} <Link href={`/intervisie/${started.id}`}>{iv.toGroup}</Link>
          </p>
        )}
      </div>
      <IntervisionError problem={problem} />
    </section>
  );
}

/** /intervisie/:id: members, the meetings with their case presenter; the facilitator plans the series. */
export function IntervisionGroupPage({ id, me }: { id: string; me: Person }) {
  const { c, t, lang } = useCoachText();
  const [group, setGroup] = useState<Group | null>(null);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [methods, setMethods] = useState<Schemas['MethodResponse'][]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [meetingNotice, setMeetingNotice] = useState<string | null>(null);
  const meetingNoticeRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    const [found, list] = await Promise.all([
      api.GET('/api/v1/intervision/groups/{id}', { params: { path: { id } } }),
      api.GET('/api/v1/intervision/groups/{id}/meetings', { params: { path: { id } } }),
    ]);
    setGroup(found.data ?? null);
    setProblem(found.data ? null : problemOf(found.error, found.response.status));
    setMeetings(list.data?.items ?? []);
  }, [id]);

  useEffect(() => {
    void load();
    void api.GET('/api/v1/intervision/methods').then(({ data }) => setMethods(data ?? []));
  }, [load]);

  if (!group) {
    return (
      <>
        <PageTitle>{c.intervision}</PageTitle>
        {problem ? <IntervisionError problem={problem} /> : <Loading />}
      </>
    );
  }

  const names = new Map(group.members.map((member) => [member.personId, member.name]));
  const canManage = group.facilitatorPersonId === me.id || me.roles.includes('admin');
  const currentMembers = group.members.filter((member) => member.leftAt === null);
  const now = Date.now();
  const planned = meetings.filter((meeting) => meeting.status === 'planned');
  const upcoming = planned.filter((meeting) => Date.parse(meeting.start) > now);
  const held = planned.filter((meeting) => Date.parse(meeting.start) <= now);
  const presentsUpcoming = upcoming.some((meeting) => meeting.casePresenterPersonId === me.id);
  const meetingDone = async (message: string) => {
    await load();
    setMeetingNotice(message);
    setTimeout(() => meetingNoticeRef.current?.focus());
  };
  return (
    <>
      <p>
        <Link href="/intervisie">← {t.back}</Link>
      </p>
      <PageTitle>{group.name}</PageTitle>
      <dl className="facts">
        <dt>{c.facilitator}</dt>
        <dd>{group.facilitatorName || '—'}</dd>
        <dt>{c.method}</dt>
        <dd>{methods.find((method) => method.code === group.method)?.name ?? group.method}</dd>
        <dt>{c.place}</dt>
        <dd>{group.onlineUrl ? t.online : group.room || '—'}</dd>
        <dt>{c.members}</dt>
        <dd>
          <ul className="group-members">
            {currentMembers.map((member) => (
              <li key={member.personId}>{member.name}</li>
            ))}
          </ul>
        </dd>
      </dl>
      {group.warnings.length > 0 && (
        <ul className="warn">
          {group.warnings.map((warning) => (
            <li key={warning.code}>{c.warnings[warning.code]}</li>
          ))}
        </ul>
      )}
      {canManage && <ManageMembers group={group} members={currentMembers} onChanged={load} />}
      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{c.meetings}</h2>
        <div aria-live="polite">
          {meetingNotice && (
            <p className="notice" tabIndex={-1} ref={meetingNoticeRef}>
              {meetingNotice}
            </p>
          )}
        </div>
        {meetings.length === 0 ? (
          <p className="muted">{c.noMeetingsYet}</p>
        ) : (
          <ul className="appointments">
            {meetings.map((meeting) => (
              <li key={meeting.id} className={`appointment kind-intervision_meeting ${meeting.status}`}>
                <span className="time">{formatDate(meeting.start, lang)}</span>,{' '}
                {formatTimeRange(meeting.start, meeting.end, lang)}{' '}
                <span className="tag">{c.meetingStatus[meeting.status]}</span>{' '}
                {meeting.originalDate && (
                  <span className="muted">({fill(c.movedFrom, { date: formatDay(meeting.originalDate, lang) })}) </span>
                )}
                <span>
                  {meeting.casePresenterPersonId
                    ? fill(c.casePresenter, { name: names.get(meeting.casePresenterPersonId) ?? '—' })
                    : c.noCasePresenter}
                </span>
                {canManage && meeting.status === 'planned' && (
                  <CasePresenterChoice meeting={meeting} members={currentMembers} onChanged={load} />
                )}
                {canManage && meeting.status === 'planned' && Date.parse(meeting.start) > now && (
                  <ChangeMeeting meeting={meeting} names={names} onDone={meetingDone} />
                )}
                {canManage && meeting.status === 'planned' && Date.parse(meeting.start) <= now && (
                  <MeetingAttendance meeting={meeting} names={names} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {(canManage || presentsUpcoming) && (
        <SwapPresenters meetings={upcoming} names={names} me={canManage ? null : me.id} onSwapped={load} />
      )}
      {!canManage && <GroupAttendance meetings={held} names={names} me={me.id} />}
      {canManage && (
        <PlanMeetings
          group={group}
          hasSeries={meetings.some((meeting) => meeting.status === 'planned')}
          onPlanned={load}
        />
      )}
    </>
  );
}

/** The date (YYYY-MM-DD) and wall-clock time (HH:MM) in Amsterdam of an instant. */
function amsterdamParts(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** A date and a wall-clock time in Amsterdam as an instant with its offset (CET or CEST). */
function amsterdamInstant(date: string, time: string): string {
  return `${date}T${time}:00${amsterdamMidnight(date).slice(19)}`;
}

/** The facilitator adds a member (found by name or email) or takes one off the group. */
function ManageMembers({
  group,
  members,
  onChanged,
}: {
  group: Group;
  members: Group['members'];
  onChanged: () => Promise<void>;
}) {
  const { iv } = useIntervisionText();
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (asking) {
      yes.current?.focus();
    }
  }, [asking]);

  const taken = new Set([group.facilitatorPersonId, ...members.map((member) => member.personId)]);

  const add = async (person: Person): Promise<boolean> => {
    setBusy(true);
    setNotice([]);
    const { data, error, response } = await api.POST('/api/v1/intervision/groups/{id}/members', {
      params: { path: { id: group.id } },
      body: { personId: person.id },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      const dates = [...new Set(data.memberConflicts.map((conflict) => conflict.date))];
      await onChanged();
      setNotice([
        fill(iv.memberAdded, { name: person.displayName, n: data.meetingsJoined }),
        ...(dates.length > 0 ? [fill(iv.addedClashes, { name: person.displayName, dates: dates.join(', ') })] : []),
      ]);
      return true;
    }
    setProblem(problemOf(error, response.status));
    return false;
  };

  const remove = async (member: Group['members'][number]) => {
    setBusy(true);
    setNotice([]);
    const { data, error, response } = await api.DELETE('/api/v1/intervision/groups/{id}/members/{personId}', {
      params: { path: { id: group.id, personId: member.personId } },
    });
    setBusy(false);
    setAsking(null);
    if (data) {
      setProblem(null);
      await onChanged();
      setNotice([fill(iv.memberRemoved, { name: member.name, n: data.meetingsLeft })]);
      searchBox.current?.focus();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <section aria-labelledby="manage-members-title" className="card">
      <h2 id="manage-members-title">{iv.manageMembers}</h2>
      <p className="muted">{iv.manageMembersIntro}</p>
      <ul className="member-list">
        {members.map((member) => (
          <li key={member.personId}>
            {member.name}{' '}
            {asking === member.personId ? (
              <span className="toolbar">
                <span>{fill(iv.removeConfirm, { name: member.name })}</span>
                <button type="button" ref={yes} disabled={busy} onClick={() => void remove(member)}>
                  {iv.removeYes}
                </button>
                <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(null)}>
                  {iv.removeNo}
                </button>
              </span>
            ) : (
              <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(member.personId)}>
                {fill(iv.removeMember, { name: member.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <PersonPicker
        id="member-search"
        inputRef={searchBox}
        label={iv.searchPerson}
        searchLabel={iv.search}
        noneFound={iv.noPeopleFound}
        pickLabel={(person) => fill(iv.addMember, { name: person.displayName })}
        accept={(person) => person.active && !taken.has(person.id)}
        busy={busy}
        onPick={add}
      />
      <div aria-live="polite">
        {notice.map((line) => (
          <p key={line} className="notice">
            {line}
          </p>
        ))}
      </div>
      <IntervisionError problem={problem} />
    </section>
  );
}

/** The facilitator moves one meeting (its members get an update) or cancels it (a cancellation). */
function ChangeMeeting({
  meeting,
  names,
  onDone,
}: {
  meeting: Meeting;
  names: Map<string, string>;
  onDone: (message: string) => Promise<void>;
}) {
  const { iv, lang } = useIntervisionText();
  const start = amsterdamParts(meeting.start);
  const [date, setDate] = useState(start.date);
  const [from, setFrom] = useState(start.time);
  const [until, setUntil] = useState(amsterdamParts(meeting.end).time);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const when = formatDate(meeting.start, lang);
  const prefix = `move-${meeting.id}`;

  const move = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { data, error, response } = await api.PATCH('/api/v1/intervision/meetings/{id}', {
      params: { path: { id: meeting.id } },
      body: { start: amsterdamInstant(date, from), end: amsterdamInstant(date, until), version: meeting.version },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      const message = fill(iv.moved, {
        date: formatDate(data.start, lang),
        time: formatTimeRange(data.start, data.end, lang),
      });
      const clashing = [...new Set(data.memberConflicts.map((conflict) => names.get(conflict.personId) ?? '—'))];
      await onDone(
        clashing.length > 0 ? `${message} ${fill(iv.movedClashes, { names: clashing.join(', ') })}` : message,
      );
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const cancel = async (close: () => void) => {
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/intervision/meetings/{id}/cancel', {
      params: { path: { id: meeting.id } },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      close();
      await onDone(fill(iv.cancelled, { date: when }));
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <details className="presenter change-meeting">
      <summary>{iv.changeMeeting}</summary>
      <form onSubmit={(event) => void move(event)}>
        <fieldset>
          <legend>{iv.moveTitle}</legend>
          <p className="muted">{iv.moveIntro}</p>
          <label htmlFor={`${prefix}-date`}>{iv.date}</label>
          <input id={`${prefix}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          <label htmlFor={`${prefix}-start`}>{iv.start}</label>
          <input
            id={`${prefix}-start`}
            type="time"
            required
            step={300}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <label htmlFor={`${prefix}-end`}>{iv.end}</label>
          <input
            id={`${prefix}-end`}
            type="time"
            required
            step={300}
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
          <div>
            <button type="submit" disabled={busy}>
              {iv.move}
            </button>
          </div>
        </fieldset>
      </form>
      <ConfirmedAction
        label={iv.cancelMeeting}
        question={fill(iv.cancelConfirm, { date: when })}
        yes={iv.cancelYes}
        no={iv.cancelNo}
        busy={busy}
        onConfirm={cancel}
      />
      <IntervisionError problem={problem} />
    </details>
  );
}

/**
 * Two upcoming meetings swap their case presenters. The facilitator picks any two; a member who
 * presents at an upcoming meeting (`me`) swaps one of their own with another.
 */
function SwapPresenters({
  meetings,
  names,
  me,
  onSwapped,
}: {
  meetings: Meeting[];
  names: Map<string, string>;
  me: string | null;
  onSwapped: () => Promise<void>;
}) {
  const { iv, lang } = useIntervisionText();
  const own = me ? meetings.filter((meeting) => meeting.casePresenterPersonId === me) : meetings;
  const [first, setFirst] = useState(own[0]?.id ?? '');
  const [second, setSecond] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // After a reload a chosen meeting may be gone (cancelled, or taken place): fall back to the first left.
  const chosenFirst = own.some((meeting) => meeting.id === first) ? first : (own[0]?.id ?? '');
  const others = meetings.filter((meeting) => meeting.id !== chosenFirst);
  const chosenSecond = others.some((meeting) => meeting.id === second) ? second : (others[0]?.id ?? '');
  const label = (meeting: Meeting) =>
    fill(iv.swapOption, {
      date: formatDay(meeting.date, lang),
      presenter: meeting.casePresenterPersonId ? (names.get(meeting.casePresenterPersonId) ?? '—') : iv.noPresenter,
    });

  const swap = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const { data, error, response } = await api.POST('/api/v1/intervision/meetings/{id}/case-presenter/swap', {
      params: { path: { id: chosenFirst } },
      body: { meetingId: chosenSecond },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      const [a, b] = data.items;
      const presenter = (meeting: Meeting) =>
        meeting.casePresenterPersonId ? (names.get(meeting.casePresenterPersonId) ?? '—') : iv.noPresenter;
      await onSwapped();
      setNotice(
        fill(iv.swapped, {
          first: formatDay(a.date, lang),
          firstName: presenter(a),
          second: formatDay(b.date, lang),
          secondName: presenter(b),
        }),
      );
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <section aria-labelledby="swap-title" className="card">
      <h2 id="swap-title">{iv.swapTitle}</h2>
      <p className="muted">{iv.swapIntro}</p>
      {meetings.length < 2 || own.length === 0 ? (
        <p>{iv.swapNeedsTwo}</p>
      ) : (
        <form onSubmit={(event) => void swap(event)}>
          <label htmlFor="swap-first">{iv.swapFirst}</label>
          <select id="swap-first" value={chosenFirst} onChange={(event) => setFirst(event.target.value)}>
            {own.map((meeting) => (
              <option key={meeting.id} value={meeting.id}>
                {label(meeting)}
              </option>
            ))}
          </select>
          <label htmlFor="swap-second">{iv.swapSecond}</label>
          <select id="swap-second" value={chosenSecond} onChange={(event) => setSecond(event.target.value)}>
            {others.map((meeting) => (
              <option key={meeting.id} value={meeting.id}>
                {label(meeting)}
              </option>
            ))}
          </select>
          <div>
            <button type="submit" disabled={busy || !chosenFirst || !chosenSecond}>
              {iv.swap}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
      <IntervisionError problem={problem} />
    </section>
  );
}

/** The facilitator names the case presenter of a meeting, or lets the fair rotation choose. */
function CasePresenterChoice({
  meeting,
  members,
  onChanged,
}: {
  meeting: Meeting;
  members: Group['members'];
  onChanged: () => Promise<void>;
}) {
  const { c, lang } = useCoachText();
  const [choice, setChoice] = useState(meeting.casePresenterPersonId ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = `presenter-${meeting.id}`;

  const save = async () => {
    const { error, response } = await api.PUT('/api/v1/intervision/meetings/{id}/case-presenter', {
      params: { path: { id: meeting.id } },
      body: choice ? { personId: choice } : {},
    });
    if (response.ok) {
      setProblem(null);
      await onChanged();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <details className="presenter">
      <summary>{c.chooseCasePresenter}</summary>
      <label htmlFor={id}>{fill(c.casePresenterOn, { date: formatDay(meeting.date, lang) })}</label>
      <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
        <option value="">{c.fairRotation}</option>
        {members.map((member) => (
          <option key={member.personId} value={member.personId}>
            {member.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void save()}>
        {c.saveCasePresenter}
      </button>
      <IntervisionError problem={problem} />
    </details>
  );
}

function PlanMeetings({
  group,
  hasSeries,
  onPlanned,
}: {
  group: Group;
  hasSeries: boolean;
  onPlanned: () => Promise<void>;
}) {
  const { c, lang } = useCoachText();
  const first = Number(group.schoolYear.slice(0, 4));
  const yearStart = `${first}-08-01`;
  const yearEnd = `${first + 1}-07-31`;
  const today = todayInAmsterdam();
  const [weekday, setWeekday] = useState<Weekday>('TU');
  const [cadence, setCadence] = useState<number>(3);
  const [startsOn, setStartsOn] = useState(today > yearStart ? today : yearStart);
  const [until, setUntil] = useState(`${first + 1}-06-30`);
  const [startTime, setStartTime] = useState('15:30');
  const [duration, setDuration] = useState(90);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<Schemas['SeriesResponse'] | null>(null);
  const [slots, setSlots] = useState<CommonSlot[] | null>(null);

  const suggest = async () => {
    setBusy(true);
    const { data, error, response } = await api.GET('/api/v1/intervision/groups/{id}/common-slots', {
      params: { path: { id: group.id }, query: { duration, count: 5, from: startsOn } },
    });
    setBusy(false);
    setSlots(data?.items ?? null);
    setProblem(data ? null : problemOf(error, response.status));
  };

  const use = (slot: CommonSlot) => {
    setWeekday(BYDAY[slot.weekday]);
    setCadence(slot.cadenceWeeks);
    setStartsOn(slot.firstDate);
    setStartTime(slot.startTime);
    setSlots(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    const rule = {
      rrule: `FREQ=WEEKLY;INTERVAL=${cadence};BYDAY=${weekday}`,
      startsOn,
      until,
      startTime,
      durationMinutes: duration,
    };
    const params = { params: { path: { id: group.id } } };
    const { data, error, response } = hasSeries
      ? await api.POST('/api/v1/intervision/groups/{id}/series/replace', {
          ...params,
          body: { ...rule, from: startsOn },
        })
      : await api.POST('/api/v1/intervision/groups/{id}/series', { ...params, body: rule });
    setBusy(false);
    if (data) {
      setProblem(null);
      setResult(data);
      await onPlanned();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <section aria-labelledby="plan-meetings-title" className="card">
      <h2 id="plan-meetings-title">{c.planMeetings}</h2>
      <p className="muted">{c.planMeetingsIntro}</p>
      {hasSeries && <p className="muted">{c.replaceHint}</p>}
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="series-weekday">{c.weekday}</label>
        <select id="series-weekday" value={weekday} onChange={(event) => setWeekday(event.target.value as Weekday)}>
          {WEEKDAYS.map((day) => (
            <option key={day} value={day}>
              {c.weekdays[day]}
            </option>
          ))}
        </select>
        <label htmlFor="series-cadence">{c.cadence}</label>
        <select id="series-cadence" value={cadence} onChange={(event) => setCadence(Number(event.target.value))}>
          {CADENCES.map((weeks) => (
            <option key={weeks} value={weeks}>
              {c.everyWeeks[weeks]}
            </option>
          ))}
        </select>
        <label htmlFor="series-from">{c.firstDate}</label>
        <input
          id="series-from"
          type="date"
          required
          min={yearStart}
          max={yearEnd}
          value={startsOn}
          onChange={(event) => setStartsOn(event.target.value)}
        />
        <label htmlFor="series-until">{c.lastDate}</label>
        <input
          id="series-until"
          type="date"
          required
          min={yearStart}
          max={yearEnd}
          value={until}
          onChange={(event) => setUntil(event.target.value)}
        />
        <label htmlFor="series-time">{c.startTime}</label>
        <input
          id="series-time"
          type="time"
          required
          step={300}
          value={startTime}
          onChange={(event) => setStartTime(event.target.value)}
        />
        <label htmlFor="series-duration">{c.duration}</label>
        <select id="series-duration" value={duration} onChange={(event) => setDuration(Number(event.target.value))}>
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {fill(c.minutes, { n: minutes })}
            </option>
          ))}
        </select>
        <div>
          <button type="button" className="secondary" disabled={busy} onClick={() => void suggest()}>
            {c.suggestTimes}
          </button>
          <button type="submit" disabled={busy}>
            {c.planSeries}
          </button>
        </div>
      </form>
      {slots && (
        <>
          <h3>{c.suggestionsTitle}</h3>
          {slots.length === 0 ? (
            <p>{c.noCommonSlots}</p>
          ) : (
            <ul className="slots">
              {slots.map((slot) => (
                <li key={slot.rrule + slot.startTime}>
                  <button type="button" className="secondary" onClick={() => use(slot)}>
                    {fill(c.useSuggestion, { weekday: c.weekdays[BYDAY[slot.weekday]], time: slot.startTime })},{' '}
                    {c.everyWeeks[slot.cadenceWeeks as 1 | 2 | 3 | 4].toLowerCase()}
                  </button>{' '}
                  <span className="muted">{fill(c.freeOf, { free: slot.freeOccurrences, all: slot.occurrences })}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div aria-live="polite">
        {result && (
          <>
            <p className="notice">{fill(c.seriesPlanned, { n: result.meetings.length })}</p>
            {result.skipped.length > 0 && (
              <p>
                {fill(c.skippedDates, {
                  dates: result.skipped
                    .map((skipped) =>
                      skipped.shiftedTo
                        ? `${formatDay(skipped.date, lang)} → ${formatDay(skipped.shiftedTo, lang)}`
                        : formatDay(skipped.date, lang),
                    )
                    .join(', '),
                })}
              </p>
            )}
            {result.memberConflicts.length > 0 && (
              <p className="warn">{fill(c.memberConflicts, { n: result.memberConflicts.length })}</p>
            )}
          </>
        )}
      </div>
      <IntervisionError problem={problem} />
    </section>
  );
}
