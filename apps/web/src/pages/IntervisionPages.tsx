import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemOf, type Person, type Problem, type Schemas } from '../api/client';
import { formatDate, formatDay, formatTimeRange, todayInAmsterdam } from '../format';
import { fill } from '../i18n';
import { Link } from '../router';
import { useCoachText } from './coach-i18n';
import { MeetingAttendance } from './IntervisionAttendance';
import { ErrorMessage, Loading, PageTitle } from './common';
import './coach-pages.css';

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
      <ErrorMessage problem={problem} />
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
    </>
  );
}

/** /intervisie/:id: members, the meetings with their case presenter; the facilitator plans the series. */
export function IntervisionGroupPage({ id, me }: { id: string; me: Person }) {
  const { c, t, lang } = useCoachText();
  const [group, setGroup] = useState<Group | null>(null);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [methods, setMethods] = useState<Schemas['MethodResponse'][]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);

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
        {problem ? <ErrorMessage problem={problem} /> : <Loading />}
      </>
    );
  }

  const names = new Map(group.members.map((member) => [member.personId, member.name]));
  const canManage = group.facilitatorPersonId === me.id || me.roles.includes('admin');
  const currentMembers = group.members.filter((member) => member.leftAt === null);
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
          <ul>
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
      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{c.meetings}</h2>
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
                {canManage && meeting.status === 'planned' && Date.parse(meeting.start) <= Date.now() && (
                  <MeetingAttendance meeting={meeting} names={names} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
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
      <ErrorMessage problem={problem} />
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
      <ErrorMessage problem={problem} />
    </section>
  );
}
