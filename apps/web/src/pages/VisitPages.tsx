import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemOf, type Person, type Problem, type Schemas } from '../api/client';
import { formatDate, formatDateTime, formatTimeRange, todayInAmsterdam, addDays } from '../format';
import { fill } from '../i18n';
import { Link } from '../router';
import { useCoachText } from './coach-i18n';
import { amsterdamInstant, MoveForm, placeText, useSchoolList } from './CoachingMoveForm';
import { ErrorMessage, Loading, PageTitle } from './common';
import './coach-pages.css';

type Visit = Schemas['VisitResponse'];
type Observation = Schemas['ObservationResponse'];
type Form = Schemas['FormResponse'];
type Answer = Schemas['AnswerResponse'];

const COACH_FUNCTIONS = ['werkbegeleider', 'intern_begeleider', 'kwaliteitscoordinator', 'vakcoach', 'schoolopleider'];
const TEACHING_FUNCTIONS = ['teacher', 'starter', 'trainee', 'teaching_assistant'];
const MEETING_MINUTES = [30, 45, 60];

export { amsterdamInstant };

function part(visit: Visit, name: 'pre' | 'visit' | 'debrief') {
  return visit.appointments.find((appointment) => appointment.part === name);
}

/** /klassenbezoeken: the visits I observe or am visited in; coaches plan a new one here. */
export function VisitsPage({ me }: { me: Person }) {
  const { c, lang } = useCoachText();
  const [items, setItems] = useState<Visit[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const isCoach = me.roles.includes('coach');

  const load = useCallback(async () => {
    const { data, error, response } = await api.GET('/api/v1/coaching/visits');
    setItems(data?.items ?? null);
    setProblem(data ? null : problemOf(error, response.status));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageTitle>{c.myVisits}</PageTitle>
      <p>
        <Link href="/klassenbezoeken/observaties">{c.observationHistory}</Link>
      </p>
      <ErrorMessage problem={problem} />
      {!items && !problem && <Loading />}
      {items && items.length === 0 && <p>{c.noVisits}</p>}
      {items && items.length > 0 && (
        <ul className="cards">
          {items.map((visit) => {
            const lesson = part(visit, 'visit');
            const observing = visit.observerPersonId === me.id;
            return (
              <li key={visit.id} className="card">
                <h2>
                  <Link href={`/klassenbezoeken/${visit.id}`}>
                    {fill(c.visitTitle, { group: visit.groupName })}{' '}
                    {fill(c.visitOf, { name: observing ? visit.teacherName : visit.observerName })}
                  </Link>
                </h2>
                {lesson && (
                  <p>
                    <span className="time">{formatDate(lesson.start, lang)}</span>,{' '}
                    {formatTimeRange(lesson.start, lesson.end, lang)}
                  </p>
                )}
                <p>
                  <span className="tag">{c.visitStatus[visit.status]}</span>{' '}
                  {visit.assessment && <span className="tag warn">{c.assessment}</span>}{' '}
                  {observing ? c.youObserve : c.youAreVisited}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {isCoach && <PlanVisit me={me} onPlanned={load} />}
    </>
  );
}

function PlanVisit({ me, onPlanned }: { me: Person; onPlanned: () => Promise<void> }) {
  const { c, lang } = useCoachText();
  const [schools, setSchools] = useState<Schemas['SchoolResponse'][]>([]);
  const [teachers, setTeachers] = useState<Person[]>([]);
  const mySchoolIds = [
    ...new Set(me.memberships.filter((m) => COACH_FUNCTIONS.includes(m.function)).map((m) => m.schoolId)),
  ];
  const [schoolId, setSchoolId] = useState(mySchoolIds[0] ?? '');
  const [teacherId, setTeacherId] = useState('');
  const [groupName, setGroupName] = useState('');
  const [date, setDate] = useState(addDays(todayInAmsterdam(), 7));
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('09:45');
  const [assessment, setAssessment] = useState(false);
  const [meetingMinutes, setMeetingMinutes] = useState(30);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [planned, setPlanned] = useState<Visit | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/schools', { params: { query: { limit: 200 } } }).then(({ data }) => {
      setSchools(data?.items ?? []);
    });
  }, []);

  useEffect(() => {
    if (!schoolId) {
      return;
    }
    void api.GET('/api/v1/people', { params: { query: { schoolId, limit: 200 } } }).then(({ data }) => {
      setTeachers(
        (data?.items ?? []).filter(
          (person) =>
            person.id !== me.id &&
            person.active &&
            person.memberships.some((m) => m.schoolId === schoolId && TEACHING_FUNCTIONS.includes(m.function)),
        ),
      );
    });
  }, [schoolId, me.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setPlanned(null);
    const { data, error, response } = await api.POST('/api/v1/coaching/visits', {
      body: {
        teacherPersonId: teacherId,
        schoolId,
        groupName,
        start: amsterdamInstant(date, start),
        end: amsterdamInstant(date, end),
        assessment,
        meetingMinutes,
      },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setPlanned(data);
      await onPlanned();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const schoolName = (id: string) => schools.find((school) => school.id === id)?.name ?? id;
  const pre = planned && part(planned, 'pre');
  const debrief = planned && part(planned, 'debrief');
  return (
    <section aria-labelledby="plan-visit-title" className="card">
      <h2 id="plan-visit-title">{c.planVisit}</h2>
      <p className="muted">{c.planVisitIntro}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="visit-school">{c.school}</label>
        <select
          id="visit-school"
          value={schoolId}
          onChange={(event) => {
            setSchoolId(event.target.value);
            setTeacherId('');
          }}
        >
          {mySchoolIds.map((id) => (
            <option key={id} value={id}>
              {schoolName(id)}
            </option>
          ))}
        </select>
        <label htmlFor="visit-teacher">{c.chooseTeacher}</label>
        <select id="visit-teacher" required value={teacherId} onChange={(event) => setTeacherId(event.target.value)}>
          <option value="">{c.chooseOne}</option>
          {teachers.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </select>
        <label htmlFor="visit-group">{c.groupName}</label>
        <input
          id="visit-group"
          required
          maxLength={60}
          value={groupName}
          onChange={(event) => setGroupName(event.target.value)}
        />
        <label htmlFor="visit-date">{c.lessonDate}</label>
        <input id="visit-date" type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
        <label htmlFor="visit-start">{c.lessonStart}</label>
        <input
          id="visit-start"
          type="time"
          required
          step={300}
          value={start}
          onChange={(event) => setStart(event.target.value)}
        />
        <label htmlFor="visit-end">{c.lessonEnd}</label>
        <input
          id="visit-end"
          type="time"
          required
          step={300}
          value={end}
          onChange={(event) => setEnd(event.target.value)}
        />
        <label htmlFor="visit-meeting">{c.meetingLength}</label>
        <select
          id="visit-meeting"
          value={meetingMinutes}
          onChange={(event) => setMeetingMinutes(Number(event.target.value))}
        >
          {MEETING_MINUTES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {fill(c.minutes, { n: minutes })}
            </option>
          ))}
        </select>
        <div className="checkbox">
          <input
            id="visit-assessment"
            type="checkbox"
            checked={assessment}
            onChange={(event) => setAssessment(event.target.checked)}
          />
          <label htmlFor="visit-assessment">{c.assessmentLabel}</label>
        </div>
        <button type="submit" disabled={busy || !teacherId || !schoolId}>
          {c.planIt}
        </button>
      </form>
      <div aria-live="polite">
        {planned && pre && debrief && (
          <p className="notice">
            {fill(c.visitPlanned, {
              pre: formatDateTime(pre.start, lang),
              debrief: formatDateTime(debrief.start, lang),
              name: planned.teacherName,
            })}{' '}
            <Link href={`/klassenbezoeken/${planned.id}`}>{c.openVisit}</Link>
          </p>
        )}
      </div>
      <ErrorMessage problem={problem} />
    </section>
  );
}

/** /klassenbezoeken/:id: the three appointments, and the observation as far as the caller may see it. */
export function VisitPage({ id, me }: { id: string; me: Person }) {
  const { c, t, lang } = useCoachText();
  const [visit, setVisit] = useState<Visit | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState('');
  const schoolList = useSchoolList([visit?.schoolId ?? null, ...(visit?.appointments ?? []).map((a) => a.schoolId)]);

  const load = useCallback(async () => {
    const { data, error, response } = await api.GET('/api/v1/coaching/visits/{id}', { params: { path: { id } } });
    setVisit(data ?? null);
    setProblem(data ? null : problemOf(error, response.status));
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!visit) {
    return (
      <>
        <PageTitle>{c.visits}</PageTitle>
        {problem ? <ErrorMessage problem={problem} /> : <Loading />}
      </>
    );
  }

  const isObserver = visit.observerPersonId === me.id;
  const isTeacher = visit.teacherPersonId === me.id;
  const canManage = (isObserver || me.roles.includes('admin')) && visit.status === 'planned';
  const path = { params: { path: { id } } };
  const act = async (result: { error?: unknown; response: Response }) => {
    if (result.response.ok) {
      setActionProblem(null);
      setSaved(t.saved);
      await load();
    } else {
      setSaved('');
      setActionProblem(problemOf(result.error, result.response.status));
    }
  };

  return (
    <>
      <p>
        <Link href="/klassenbezoeken">← {t.back}</Link>
      </p>
      <PageTitle>{fill(c.visitTitle, { group: visit.groupName })}</PageTitle>
      <dl className="facts">
        <dt>{c.teacher}</dt>
        <dd>{visit.teacherName}</dd>
        <dt>{c.observer}</dt>
        <dd>{visit.observerName}</dd>
        <dt>{t.status}</dt>
        <dd>
          {c.visitStatus[visit.status]}; {visit.debriefHeld ? c.debriefHeld : c.debriefNotHeld}
        </dd>
        <dt>{c.visitKind}</dt>
        <dd>{visit.assessment ? c.assessment : c.development}</dd>
      </dl>
      <section aria-labelledby="visit-appointments">
        <h2 id="visit-appointments">{c.visitAppointments}</h2>
        <ul className="appointments">
          {visit.appointments.map((appointment) => (
            <li key={appointment.part} className={`appointment kind-visit ${appointment.status}`}>
              <strong>{c.parts[appointment.part]}</strong>:{' '}
              <span className="time">{formatDate(appointment.start, lang)}</span>,{' '}
              {formatTimeRange(appointment.start, appointment.end, lang)}
              {placeText(appointment, schoolList) && `, ${placeText(appointment, schoolList)}`}
              {appointment.status === 'cancelled' && <span className="tag"> {c.appointmentCancelled}</span>}
            </li>
          ))}
        </ul>
        {canManage &&
          visit.appointments
            .filter((appointment) => appointment.status === 'scheduled')
            .map((appointment) => (
              <MoveForm
                key={`${appointment.part}-${appointment.version}`}
                idPrefix={`move-${appointment.part}`}
                title={fill(c.movePart, { part: c.parts[appointment.part] })}
                start={appointment.start}
                end={appointment.end}
                version={appointment.version}
                place={appointment}
                fixedSchool={appointment.part === 'visit'}
                otherName={visit.teacherName}
                move={(body) =>
                  api.PATCH('/api/v1/coaching/visits/{id}/appointments/{part}', {
                    params: { path: { id, part: appointment.part } },
                    body,
                  })
                }
                onMoved={async (message) => {
                  setActionProblem(null);
                  setSaved(message);
                  await load();
                }}
              />
            ))}
        {canManage && (
          <div>
            {!visit.debriefHeld && (
              <>
                <p id="debrief-hint" className="muted">
                  {c.markDebriefHeldHint}
                </p>
                <button
                  type="button"
                  aria-describedby="debrief-hint"
                  onClick={() => void api.POST('/api/v1/coaching/visits/{id}/debrief-held', path).then(act)}
                >
                  {c.markDebriefHeld}
                </button>
              </>
            )}
            <p id="cancel-visit-hint" className="muted">
              {c.cancelVisitHint}
            </p>
            <button
              type="button"
              className="secondary"
              aria-describedby="cancel-visit-hint"
              onClick={() => void api.POST('/api/v1/coaching/visits/{id}/cancel', path).then(act)}
            >
              {c.cancelVisit}
            </button>
          </div>
        )}
        <p aria-live="polite">{saved}</p>
        <ErrorMessage problem={actionProblem} />
      </section>
      <section aria-labelledby="observation-title">
        <h2 id="observation-title">{c.observation}</h2>
        {isObserver ? (
          <ObservationForm visit={visit} />
        ) : isTeacher && !visit.debriefHeld ? (
          <p>{c.observationHiddenTeacher}</p>
        ) : isTeacher ? (
          <ObservationView visitId={visit.id} />
        ) : (
          <p>{c.observationNotVisible}</p>
        )}
      </section>
    </>
  );
}

/** The observer fills in the form: one score per item (or "not seen"), a comment per item, an overall impression. */
function ObservationForm({ visit }: { visit: Visit }) {
  const { c } = useCoachText();
  const [form, setForm] = useState<Form | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [overall, setOverall] = useState('');
  const [saved, setSaved] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void Promise.all([
      api.GET('/api/v1/coaching/forms/{id}', { params: { path: { id: visit.formId } } }),
      api.GET('/api/v1/coaching/visits/{id}/observation', { params: { path: { id: visit.id } } }),
    ]).then(([formResult, observationResult]) => {
      setForm(formResult.data ?? null);
      if (!formResult.data) {
        setProblem(problemOf(formResult.error, formResult.response.status));
      }
      const observation = observationResult.data;
      if (observation) {
        setAnswers(Object.fromEntries(observation.answers.map((answer) => [answer.itemKey, answer])));
        setOverall(observation.overallComment ?? '');
      }
    });
  }, [visit.formId, visit.id]);

  if (!form) {
    return problem ? <ErrorMessage problem={problem} /> : <Loading />;
  }

  const answer = (key: string): Answer => answers[key] ?? { itemKey: key, score: null, comment: '' };
  const change = (key: string, patch: Partial<Answer>) =>
    setAnswers((current) => ({ ...current, [key]: { ...answer(key), ...patch } }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { data, error, response } = await api.PUT('/api/v1/coaching/visits/{id}/observation', {
      params: { path: { id: visit.id } },
      body: {
        answers: Object.values(answers).map((a) => ({ itemKey: a.itemKey, score: a.score, comment: a.comment })),
        overallComment: overall,
      },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setSaved(c.observationSaved);
    } else {
      setSaved('');
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} className="observation">
      <p className="muted">{visit.debriefHeld ? c.observationShared : c.observationHintObserver}</p>
      <p className="muted">{form.name}</p>
      {form.domains.map((domain) => (
        <fieldset key={domain.key} className="card">
          <legend>{domain.title}</legend>
          {domain.items.map((item) => {
            const current = answer(item.key);
            const name = `score-${item.key}`;
            return (
              <div key={item.key} className="observation-item">
                <fieldset className="scale">
                  <legend>{item.text}</legend>
                  {form.scale.map((step) => (
                    <span key={step.value} className="choice">
                      <input
                        type="radio"
                        id={`${name}-${step.value}`}
                        name={name}
                        checked={current.score === step.value}
                        onChange={() => change(item.key, { score: step.value })}
                      />
                      <label htmlFor={`${name}-${step.value}`}>{step.label}</label>
                    </span>
                  ))}
                  <span className="choice">
                    <input
                      type="radio"
                      id={`${name}-none`}
                      name={name}
                      checked={current.score === null}
                      onChange={() => change(item.key, { score: null })}
                    />
                    <label htmlFor={`${name}-none`}>{c.notSeen}</label>
                  </span>
                </fieldset>
                <input
                  id={`comment-${item.key}`}
                  aria-label={fill(c.commentOn, { item: item.text })}
                  placeholder={c.comment}
                  value={current.comment}
                  maxLength={5000}
                  onChange={(event) => change(item.key, { comment: event.target.value })}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
      <label htmlFor="overall-comment">{c.overallComment}</label>
      <textarea id="overall-comment" rows={4} value={overall} onChange={(event) => setOverall(event.target.value)} />
      <button type="submit" disabled={busy}>
        {c.saveObservation}
      </button>
      <p aria-live="polite">{saved}</p>
      <ErrorMessage problem={problem} />
    </form>
  );
}

/** The teacher reads the observation once the debrief is held. */
function ObservationView({ visitId }: { visitId: string }) {
  const { c } = useCoachText();
  const [observation, setObservation] = useState<Observation | null | undefined>(undefined);

  useEffect(() => {
    void api
      .GET('/api/v1/coaching/visits/{id}/observation', { params: { path: { id: visitId } } })
      .then(({ data }) => setObservation(data ?? null));
  }, [visitId]);

  if (observation === undefined) {
    return <Loading />;
  }
  if (observation === null) {
    return <p>{c.observationNone}</p>;
  }
  const scores = new Map(observation.answers.map((answer) => [answer.itemKey, answer]));
  const label = (score: number | null) =>
    score === null ? c.notSeen : (observation.form.scale.find((step) => step.value === score)?.label ?? String(score));
  return (
    <div className="observation">
      {observation.form.domains.map((domain) => (
        <section key={domain.key} className="card" aria-labelledby={`domain-${domain.key}`}>
          <h3 id={`domain-${domain.key}`}>{domain.title}</h3>
          <dl>
            {domain.items.map((item) => {
              const given = scores.get(item.key);
              return (
                <div key={item.key}>
                  <dt>{item.text}</dt>
                  <dd>
                    <span className="tag">{label(given?.score ?? null)}</span> {given?.comment ? given.comment : ''}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      <h3>{c.overallComment}</h3>
      <p>{observation.overallComment ?? c.noComment}</p>
    </div>
  );
}
