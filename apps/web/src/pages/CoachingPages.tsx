import { useCallback, useEffect, useState } from 'react';
import { api, problemOf, type Person, type Problem, type Schemas, type Trajectory } from '../api/client';
import { formatDate, formatDateTime, formatTime, formatTimeRange } from '../format';
import { fill, useLang } from '../i18n';
import { Link } from '../router';
import { useCoachText } from './coach-i18n';
import { MoveForm, placeText, useSchoolList } from './CoachingMoveForm';
import { ErrorMessage, Loading, PageTitle } from './common';

export function CoachingPage({ me }: { me: Person; isCoach: boolean }) {
  const { t } = useLang();
  const { c } = useCoachText();
  const [items, setItems] = useState<Trajectory[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/coaching/trajectories').then(({ data, error, response }) => {
      setItems(data?.items ?? null);
      setProblem(data ? null : problemOf(error, response.status));
    });
  }, []);

  return (
    <>
      <PageTitle>{t.myTrajectories}</PageTitle>
      <ErrorMessage problem={problem} />
      {!items && !problem && <Loading />}
      {items && items.length === 0 && <p>{t.noTrajectories}</p>}
      {items && items.length > 0 && (
        <ul className="cards">
          {items.map((trajectory) => (
            <li key={trajectory.id} className="card">
              <h2>
                <Link href={`/begeleiding/${trajectory.id}`}>{trajectory.coachingQuestion}</Link>
              </h2>
              <p>
                {trajectory.coachPersonId === me.id
                  ? fill(c.coachee, { name: trajectory.coacheeName })
                  : fill(c.coach, { name: trajectory.coachName })}
              </p>
              <p>
                <span className="tag">{t.trajectoryStatus[trajectory.status]}</span>{' '}
                {trajectory.coachPersonId === me.id ? t.coach : t.coachee}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function TrajectoryPage({ id, me }: { id: string; me: Person }) {
  const { t } = useLang();
  const [trajectory, setTrajectory] = useState<Trajectory | null>(null);
  const [sessions, setSessions] = useState<Schemas['SessionResponse'][]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    const [found, list] = await Promise.all([
      api.GET('/api/v1/coaching/trajectories/{id}', { params: { path: { id } } }),
      api.GET('/api/v1/coaching/trajectories/{id}/sessions', { params: { path: { id } } }),
    ]);
    setTrajectory(found.data ?? null);
    setProblem(found.data ? null : problemOf(found.error, found.response.status));
    setSessions(list.data?.items ?? []);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!trajectory) {
    return (
      <>
        <PageTitle>{t.coaching}</PageTitle>
        {problem ? <ErrorMessage problem={problem} /> : <Loading />}
      </>
    );
  }

  const isCoach = trajectory.coachPersonId === me.id || me.roles.includes('admin');
  return (
    <>
      <p>
        <Link href="/begeleiding">← {t.back}</Link>
      </p>
      <PageTitle>{trajectory.coachingQuestion}</PageTitle>
      <dl className="facts">
        <dt>{t.coachee}</dt>
        <dd>{trajectory.coacheeName}</dd>
        <dt>{t.coach}</dt>
        <dd>{trajectory.coachName}</dd>
        <dt>{t.goals}</dt>
        <dd>{trajectory.goals}</dd>
        <dt>{t.status}</dt>
        <dd>{t.trajectoryStatus[trajectory.status]}</dd>
      </dl>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t.coachingSessions}</h2>
        {sessions.length === 0 ? (
          <p className="muted">{t.noAppointments}</p>
        ) : (
          <ul className="appointments">
            {sessions.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                isCoach={isCoach}
                coacheeName={trajectory.coacheeName}
                onChanged={load}
              />
            ))}
          </ul>
        )}
      </section>
      {isCoach && trajectory.status !== 'closed' && (
        <PlanSession trajectoryId={id} coacheeName={trajectory.coacheeName} onPlanned={load} />
      )}
    </>
  );
}

type Session = Schemas['SessionResponse'];

/** One session: its times and status; opened, the shared agreements, the confidential note and (coach) actions. */
function SessionItem({
  session,
  isCoach,
  coacheeName,
  onChanged,
}: {
  session: Session;
  isCoach: boolean;
  coacheeName: string;
  onChanged: () => Promise<void>;
}) {
  const { t, lang, c } = useCoachText();
  const schools = useSchoolList([session.schoolId]);
  const [loaded, setLoaded] = useState(false);
  const [agreements, setAgreements] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const path = { params: { path: { id: session.id } } };

  const open = async () => {
    if (loaded) {
      return;
    }
    const [shared, confidential] = await Promise.all([
      api.GET('/api/v1/coaching/sessions/{id}/agreements', path),
      api.GET('/api/v1/coaching/sessions/{id}/note', path),
    ]);
    setAgreements(shared.data?.text ?? '');
    setNote(confidential.data?.text ?? '');
    setLoaded(true);
  };

  const done = async (result: { error?: unknown; response: Response }, message: string) => {
    if (result.response.ok) {
      setProblem(null);
      setSaved(message);
      await onChanged();
    } else {
      setSaved('');
      setProblem(problemOf(result.error, result.response.status));
    }
  };

  const id = session.id;
  return (
    <li className="appointment kind-coaching_session">
      <details onToggle={(event) => (event.currentTarget.open ? void open() : undefined)}>
        <summary>
          <span className="time">{formatDate(session.start, lang)}</span>,{' '}
          {formatTimeRange(session.start, session.end, lang)}
          {placeText(session, schools) && <span className="place">, {placeText(session, schools)}</span>}{' '}
          <span className="tag">{t.sessionStatus[session.status]}</span>
        </summary>
        {loaded && (
          <div>
            <label htmlFor={`agreements-${id}`}>{t.agreements}</label>
            <p id={`agreements-hint-${id}`} className="muted">
              {t.agreementsHint}
            </p>
            <textarea
              id={`agreements-${id}`}
              aria-describedby={`agreements-hint-${id}`}
              rows={3}
              value={agreements}
              onChange={(event) => setAgreements(event.target.value)}
            />
            <button
              type="button"
              onClick={() =>
                void api
                  .PUT('/api/v1/coaching/sessions/{id}/agreements', { ...path, body: { text: agreements } })
                  .then((result) => done(result, t.saved))
              }
            >
              {t.saveAgreements}
            </button>
            <label htmlFor={`note-${id}`}>{t.note}</label>
            <p id={`note-hint-${id}`} className="muted">
              {t.noteHint}
            </p>
            <textarea
              id={`note-${id}`}
              aria-describedby={`note-hint-${id}`}
              rows={3}
              value={note}
              readOnly={!isCoach}
              onChange={(event) => setNote(event.target.value)}
            />
            {isCoach && (
              <button
                type="button"
                onClick={() =>
                  void api
                    .PUT('/api/v1/coaching/sessions/{id}/note', { ...path, body: { text: note } })
                    .then((result) => done(result, t.saved))
                }
              >
                {t.saveNote}
              </button>
            )}
            {isCoach && session.status === 'planned' && (
              <div className="card">
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void api.POST('/api/v1/coaching/sessions/{id}/held', path).then((result) => done(result, t.saved))
                  }
                >
                  {t.markHeld}
                </button>
                <label htmlFor={`reason-${id}`}>{t.cancelReason}</label>
                <input id={`reason-${id}`} value={reason} onChange={(event) => setReason(event.target.value)} />
                <button
                  type="button"
                  className="secondary"
                  disabled={reason.trim() === ''}
                  onClick={() =>
                    void api
                      .POST('/api/v1/coaching/sessions/{id}/cancel', {
                        ...path,
                        body: { reason, version: session.version },
                      })
                      .then((result) => done(result, t.saved))
                  }
                >
                  {t.cancelSession}
                </button>
              </div>
            )}
            {isCoach && session.status === 'planned' && (
              <MoveForm
                key={`${id}-${session.version}`}
                idPrefix={`move-${id}`}
                title={c.moveSession}
                start={session.start}
                end={session.end}
                version={session.version}
                place={session}
                otherName={coacheeName || t.coachee}
                move={(body) => api.PATCH('/api/v1/coaching/sessions/{id}', { ...path, body })}
                onMoved={async (message) => {
                  setProblem(null);
                  setSaved(message);
                  await onChanged();
                }}
              />
            )}
            <p aria-live="polite">{saved}</p>
            <ErrorMessage problem={problem} />
          </div>
        )}
      </details>
    </li>
  );
}

const DURATIONS = [30, 45, 60, 90];

function PlanSession({
  trajectoryId,
  coacheeName,
  onPlanned,
}: {
  trajectoryId: string;
  coacheeName: string;
  onPlanned: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [duration, setDuration] = useState(60);
  const [slots, setSlots] = useState<Schemas['SlotResponse'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [planned, setPlanned] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async () => {
    setBusy(true);
    setPlanned(null);
    const { data, error, response } = await api.GET('/api/v1/coaching/trajectories/{id}/slot-suggestions', {
      params: { path: { id: trajectoryId }, query: { duration, count: 8 } },
    });
    setBusy(false);
    setSlots(data?.items ?? null);
    setProblem(data ? null : problemOf(error, response.status));
  };

  const plan = async (slot: Schemas['SlotResponse']) => {
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/coaching/trajectories/{id}/sessions', {
      params: { path: { id: trajectoryId } },
      body: { start: slot.start, end: slot.end },
    });
    setBusy(false);
    if (data) {
      setSlots(null);
      setProblem(null);
      setPlanned(fill(t.planned, { date: formatDateTime(data.start, lang), name: coacheeName || t.coachee }));
      await onPlanned();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <section aria-labelledby="plan-title" className="card">
      <h2 id="plan-title">{t.planSession}</h2>
      <div className="toolbar">
        <label htmlFor="duration">{t.duration}</label>
        <select id="duration" value={duration} onChange={(event) => setDuration(Number(event.target.value))}>
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {fill(t.minutes, { n: minutes })}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => void find()}>
          {t.findTimes}
        </button>
      </div>
      {slots && (
        <>
          <h3>{t.suggestions}</h3>
          {slots.length === 0 ? (
            <p>{t.noSuggestions}</p>
          ) : (
            <ul className="slots">
              {slots.map((slot) => (
                <li key={slot.start}>
                  <button type="button" disabled={busy} onClick={() => void plan(slot)}>
                    {t.plan}: {formatDateTime(slot.start, lang)}–{formatTime(slot.end, lang)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div aria-live="polite">{planned && <p className="notice">{planned}</p>}</div>
      <ErrorMessage problem={problem} />
    </section>
  );
}
