import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemOf, type Problem, type Registration, type Schemas, type ThemeMeeting } from '../api/client';
import { formatDate, formatDateTime, formatTimeRange, todayInAmsterdam } from '../format';
import { fill, useLang } from '../i18n';
import { Link } from '../router';
import { ErrorMessage, Loading, PageTitle } from './common';

type Format = ThemeMeeting['format'];
interface Filters {
  theme: string;
  format: Format | '';
  month: string;
  hasSeats: boolean;
}

export function ThemeMeetingsPage() {
  const { t, lang } = useLang();
  const [draft, setDraft] = useState<Filters>({ theme: '', format: '', month: '', hasSeats: false });
  const [filters, setFilters] = useState<Filters>(draft);
  const [items, setItems] = useState<ThemeMeeting[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    let stale = false;
    const query = {
      limit: 50,
      ...(filters.theme ? { theme: filters.theme } : {}),
      ...(filters.format ? { format: filters.format } : {}),
      ...(filters.month ? { month: filters.month } : {}),
      ...(filters.hasSeats ? { hasSeats: true } : {}),
    };
    void api.GET('/api/v1/theme-meetings', { params: { query } }).then(({ data, error, response }) => {
      if (!stale) {
        setItems(data?.items ?? null);
        setProblem(data ? null : problemOf(error, response.status));
      }
    });
    return () => {
      stale = true;
    };
  }, [filters]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <>
      <PageTitle>{t.themeMeetings}</PageTitle>
      <form className="filters" onSubmit={apply} aria-label={t.filters}>
        <div>
          <label htmlFor="f-theme">{t.theme}</label>
          <input id="f-theme" value={draft.theme} onChange={(e) => setDraft({ ...draft, theme: e.target.value })} />
        </div>
        <div>
          <label htmlFor="f-format">{t.format}</label>
          <select
            id="f-format"
            value={draft.format}
            onChange={(e) => setDraft({ ...draft, format: e.target.value as Format | '' })}
          >
            <option value="">{t.anyFormat}</option>
            <option value="on_site">{t.formats.on_site}</option>
            <option value="online">{t.formats.online}</option>
            <option value="hybrid">{t.formats.hybrid}</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-month">{t.month}</label>
          <input
            id="f-month"
            type="month"
            value={draft.month}
            onChange={(e) => setDraft({ ...draft, month: e.target.value })}
          />
        </div>
        <div className="checkbox">
          <input
            id="f-seats"
            type="checkbox"
            checked={draft.hasSeats}
            onChange={(e) => setDraft({ ...draft, hasSeats: e.target.checked })}
          />
          <label htmlFor="f-seats">{t.onlyWithSeats}</label>
        </div>
        <button type="submit">{t.apply}</button>
      </form>
      <ErrorMessage problem={problem} />
      {!items && !problem && <Loading />}
      {items && items.length === 0 && <p>{t.noMeetings}</p>}
      {items && items.length > 0 && (
        <ul className="cards">
          {items.map((meeting) => (
            <li key={meeting.id} className="card">
              <h2>
                <Link href={`/themabijeenkomsten/${meeting.id}`}>{meeting.title}</Link>
              </h2>
              <p>
                {formatDate(meeting.start, lang)}, {formatTimeRange(meeting.start, meeting.end, lang)}
              </p>
              <p>
                <span className="tag">{t.formats[meeting.format]}</span>{' '}
                {meeting.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </p>
              <p>{meeting.seatsLeft > 0 ? fill(t.seatsLeft, { n: meeting.seatsLeft }) : t.full}</p>
            </li>
          ))}
        </ul>
      )}
      <MyHours />
    </>
  );
}

/** The school year (August 1 to July 31) of a date, e.g. "2026-2027". */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** My professional development hours this school year: credited hours of meetings I attended. */
function MyHours() {
  const { t, lang } = useLang();
  const schoolYear = schoolYearOf(todayInAmsterdam());
  const [report, setReport] = useState<Schemas['ProfessionalDevelopmentResponse'] | null>(null);

  useEffect(() => {
    void api
      .GET('/api/v1/me/professional-development', { params: { query: { schoolYear } } })
      .then(({ data }) => setReport(data ?? null));
  }, [schoolYear]);

  if (!report) {
    return null;
  }
  return (
    <section aria-labelledby="hours-title" className="card">
      <h2 id="hours-title">{fill(t.myHours, { year: report.schoolYear })}</h2>
      <p className="total-hours">{fill(t.totalHours, { n: report.totalHours })}</p>
      {report.items.length > 0 && (
        <ul>
          {report.items.map((line) => (
            <li key={line.meetingId}>
              {formatDate(line.start, lang)}: {line.title} —{' '}
              {fill(t.attendedOf, { n: line.sessionsAttended, of: line.sessions })},{' '}
              {fill(t.totalHours, { n: line.attendedHours })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ThemeMeetingPage({ id }: { id: string }) {
  const { t, lang } = useLang();
  const [meeting, setMeeting] = useState<ThemeMeeting | null>(null);
  const [registration, setRegistration] = useState<Registration | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [clash, setClash] = useState(false);
  const [busy, setBusy] = useState(false);
  const [offerExpired, setOfferExpired] = useState(false);

  const load = useCallback(async () => {
    const [found, mine] = await Promise.all([
      api.GET('/api/v1/theme-meetings/{id}', { params: { path: { id } } }),
      api.GET('/api/v1/theme-meetings/{id}/registration', { params: { path: { id } } }),
    ]);
    setMeeting(found.data ?? null);
    setProblem(found.data ? null : problemOf(found.error, found.response.status));
    setRegistration(mine.data ?? null);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const signUp = async () => {
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/theme-meetings/{id}/registrations', {
      params: { path: { id } },
      body: {},
    });
    setBusy(false);
    if (data) {
      setClash((data.clashes ?? []).length > 0);
      await load();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const cancel = async () => {
    if (!registration) {
      return;
    }
    setBusy(true);
    const { error, response } = await api.POST('/api/v1/theme-meetings/{id}/registrations/{registrationId}/cancel', {
      params: { path: { id, registrationId: registration.id } },
    });
    setBusy(false);
    if (!response.ok) {
      setProblem(problemOf(error, response.status));
    }
    await load();
  };

  const answerOffer = async (answer: 'accept' | 'decline') => {
    setBusy(true);
    setProblem(null);
    setOfferExpired(false);
    const { error, response } = await api.POST('/api/v1/theme-meetings/{id}/registration/offer', {
      params: { path: { id } },
      body: { answer },
    });
    setBusy(false);
    if (!response.ok) {
      const found = problemOf(error, response.status);
      if (found.code === 'offer_expired') {
        setOfferExpired(true);
      } else {
        setProblem(found);
      }
    }
    await load();
  };

  if (!meeting) {
    return (
      <>
        <PageTitle>{t.themeMeetings}</PageTitle>
        {problem ? <ErrorMessage problem={problem} /> : <Loading />}
      </>
    );
  }

  const active = registration && ['confirmed', 'waitlisted'].includes(registration.status);
  const offered = registration?.status === 'offered';
  return (
    <>
      <p>
        <Link href="/themabijeenkomsten">← {t.back}</Link>
      </p>
      <PageTitle>{meeting.title}</PageTitle>
      {meeting.description && <p>{meeting.description}</p>}
      <dl className="facts">
        <dt>{t.format}</dt>
        <dd>{t.formats[meeting.format]}</dd>
        <dt>{t.where}</dt>
        <dd>{meeting.room || '—'}</dd>
        <dt>{t.sessions}</dt>
        <dd>
          <ul>
            {meeting.sessions.map((session) => (
              <li key={session.id}>
                {formatDate(session.start, lang)}, {formatTimeRange(session.start, session.end, lang)}
                {registration?.status === 'confirmed' && (
                  <>
                    {' '}
                    <Link href={`/?datum=${todayInAmsterdam(new Date(session.start))}`}>{t.showInAgenda}</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t.status}</dt>
        <dd>
          {meeting.seatsLeft > 0 ? fill(t.seatsLeft, { n: meeting.seatsLeft }) : t.full}
          {meeting.waitlistLength > 0 && <> · {fill(t.waitlist, { n: meeting.waitlistLength })}</>}
        </dd>
        <dd>{fill(t.hours, { n: meeting.hoursCredited })}</dd>
        <dd>{fill(t.registrationCloses, { date: formatDateTime(meeting.registrationClosesAt, lang) })}</dd>
      </dl>
      <section aria-labelledby="my-registration" className="card">
        <h2 id="my-registration">{t.myRegistration}</h2>
        <div aria-live="polite">
          {registration && (
            <p className={`registration status-${registration.status}`}>
              {fill(t.registration[registration.status], {
                n: registration.position ?? '',
                date: registration.offerDeadline ? formatDateTime(registration.offerDeadline, lang) : '',
              })}
            </p>
          )}
          {offered && <p>{t.offerHint}</p>}
          {offerExpired && <p role="alert">{t.offerExpired}</p>}
          {clash && <p>{t.clashes}</p>}
        </div>
        {offered ? (
          <div className="toolbar">
            <button type="button" disabled={busy} onClick={() => void answerOffer('accept')}>
              {t.acceptOffer}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => void answerOffer('decline')}>
              {t.declineOffer}
            </button>
          </div>
        ) : active ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void cancel()}>
            {t.cancelRegistration}
          </button>
        ) : (
          <button type="button" disabled={busy || meeting.status !== 'published'} onClick={() => void signUp()}>
            {t.signUp}
          </button>
        )}
        <ErrorMessage problem={problem} />
      </section>
    </>
  );
}
