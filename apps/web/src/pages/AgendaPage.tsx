import { useCallback, useEffect, useState } from 'react';
import { api, problemOf, type Appointment, type Person, type Problem, type Schemas } from '../api/client';
import {
  addDays,
  addMonths,
  amsterdamMidnight,
  formatDate,
  formatDay,
  formatMonth,
  weekdayNames,
  formatTime,
  formatTimeRange,
  todayInAmsterdam,
} from '../format';
import { fill, useLang } from '../i18n';
import { ErrorMessage, Loading, PageTitle } from './common';

type View = 'week' | 'month';

export function AgendaPage({ me }: { me: Person }) {
  const { t } = useLang();
  // ?datum=2026-12-03 opens the week of that date (links from elsewhere in the app, bookmarks).
  const [date, setDate] = useState(() => {
    const asked = new URLSearchParams(window.location.search).get('datum');
    return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : todayInAmsterdam();
  });
  const [view, setView] = useState<View>('week');
  const step = (direction: 1 | -1) =>
    setDate(view === 'week' ? addDays(date, 7 * direction) : addMonths(date, direction));

  return (
    <>
      <PageTitle>{t.agenda}</PageTitle>
      <div className="toolbar" role="group" aria-label={t.view}>
        <button type="button" className="secondary" aria-pressed={view === 'week'} onClick={() => setView('week')}>
          {t.week}
        </button>
        <button type="button" className="secondary" aria-pressed={view === 'month'} onClick={() => setView('month')}>
          {t.month}
        </button>
      </div>
      <div className="toolbar" role="group" aria-label={view === 'week' ? t.week : t.month}>
        <button type="button" onClick={() => step(-1)}>
          ← {view === 'week' ? t.previousWeek : t.previousMonth}
        </button>
        <button type="button" onClick={() => setDate(todayInAmsterdam())}>
          {view === 'week' ? t.thisWeek : t.thisMonth}
        </button>
        <button type="button" onClick={() => step(1)}>
          {view === 'week' ? t.nextWeek : t.nextMonth} →
        </button>
      </div>
      {view === 'week' ? (
        <WeekView date={date} me={me} />
      ) : (
        <MonthView
          date={date}
          onPickDay={(day) => {
            setDate(day);
            setView('week');
          }}
        />
      )}
      <CalendarFeed />
    </>
  );
}

function WeekView({ date, me }: { date: string; me: Person }) {
  const { t, lang } = useLang();
  const today = todayInAmsterdam();
  const [week, setWeek] = useState<Schemas['WeekResponse'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    let stale = false;
    void api.GET('/api/v1/me/week', { params: { query: { date } } }).then(({ data, error, response }) => {
      if (!stale) {
        setWeek(data ?? null);
        setProblem(data ? null : problemOf(error, response.status));
      }
    });
    return () => {
      stale = true;
    };
  }, [date]);

  return (
    <>
      <ErrorMessage problem={problem} />
      {!week && !problem && <Loading />}
      {week && (
        <section aria-labelledby="week-title">
          <h2 id="week-title">
            {t.week}: {formatDay(week.days[0].date, lang)} – {formatDay(week.days[6].date, lang)}
          </h2>
          <ol className="week">
            {week.days.map((day) => (
              <li key={day.date} className={day.date === today ? 'day today' : 'day'}>
                <h3>
                  {formatDay(day.date, lang)}
                  {day.date === today && <span className="sr-only"> ({t.today})</span>}
                </h3>
                {day.items.length === 0 ? (
                  <p className="muted">{t.noAppointments}</p>
                ) : (
                  <ul className="appointments">
                    {day.items.map((item) => (
                      <AppointmentItem key={item.id} item={item} me={me} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function MonthView({ date, onPickDay }: { date: string; onPickDay: (day: string) => void }) {
  const { t, lang } = useLang();
  const today = todayInAmsterdam();
  const first = `${date.slice(0, 7)}-01`;
  const next = addMonths(first, 1);
  const [items, setItems] = useState<Appointment[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    let stale = false;
    const query = { from: amsterdamMidnight(first), to: amsterdamMidnight(next) };
    void api.GET('/api/v1/me/appointments', { params: { query } }).then(({ data, error, response }) => {
      if (!stale) {
        setItems(data?.items ?? null);
        setProblem(data ? null : problemOf(error, response.status));
      }
    });
    return () => {
      stale = true;
    };
  }, [first, next]);

  const days: string[] = [];
  for (let day = first; day < next; day = addDays(day, 1)) {
    days.push(day);
  }
  const leading = (new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday first
  const byDay = new Map<string, Appointment[]>();
  for (const item of items ?? []) {
    const day = todayInAmsterdam(new Date(item.start));
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }

  return (
    <>
      <ErrorMessage problem={problem} />
      {!items && !problem && <Loading />}
      {items && (
        <section aria-labelledby="month-title">
          <h2 id="month-title">{formatMonth(first, lang)}</h2>
          <div className="month month-head" aria-hidden="true">
            {weekdayNames(lang).map((name) => (
              <span key={name}>{name}</span>
            ))}
          </div>
          <ol className="month">
            {Array.from({ length: leading }, (_, index) => (
              <li key={`blank-${index}`} className="blank" aria-hidden="true" />
            ))}
            {days.map((day) => {
              const dayItems = byDay.get(day) ?? [];
              return (
                <li key={day} className={day === today ? 'month-day today' : 'month-day'}>
                  <button
                    type="button"
                    className="link-button day-number"
                    aria-label={`${formatDay(day, lang)}: ${dayItems.length} ${t.appointments}`}
                    onClick={() => onPickDay(day)}
                  >
                    {Number(day.slice(8))}
                  </button>
                  {dayItems.length > 0 && (
                    <ul>
                      {dayItems.map((item) => (
                        <li key={item.id} className={item.status === 'cancelled' ? 'cancelled' : undefined}>
                          <span className="time">{formatTime(item.start, lang)}</span> {item.title}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </>
  );
}

function AppointmentItem({ item, me }: { item: Appointment; me: Person }) {
  const { t, lang } = useLang();
  const mine = item.participants.find((p) => p.personId === me.id);
  const cancelled = item.status === 'cancelled';
  const [answer, setAnswer] = useState<'accepted' | 'declined' | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const respond = async (choice: 'accept' | 'decline') => {
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/me/appointments/{id}/rsvp', {
      params: { path: { id: item.id } },
      body: { answer: choice, version: item.version },
    });
    setBusy(false);
    setAnswer(data?.rsvp ?? null);
    setProblem(data ? null : problemOf(error, response.status));
  };
  return (
    <li className={`appointment kind-${item.kind}${cancelled ? ' cancelled' : ''}`}>
      <details>
        <summary>
          <span className="time">{formatTimeRange(item.start, item.end, lang)}</span>{' '}
          <span className="title">{item.title}</span> <span className="tag">{t.kinds[item.kind]}</span>
          {cancelled && <span className="tag warn"> {t.cancelled}</span>}
        </summary>
        <dl>
          <dt>{t.where}</dt>
          <dd>
            {[item.location.schoolName, item.location.room].filter(Boolean).join(', ') || '—'}
            {item.location.onlineUrl && (
              <>
                {' '}
                <a href={item.location.onlineUrl}>{t.online}</a>
              </>
            )}
          </dd>
          {item.description && (
            <>
              <dt>{t.details}</dt>
              <dd>{item.description}</dd>
            </>
          )}
          <dt>{t.participants}</dt>
          <dd>
            <ul>
              {item.participants.map((p) => (
                <li key={p.personId}>
                  {p.name || t.someone} ({t.roles[p.role]}) — {t.rsvp[p.rsvp]}
                </li>
              ))}
            </ul>
          </dd>
          {mine && (
            <>
              <dt>{t.myAnswer}</dt>
              <dd>
                <span aria-live="polite">{t.rsvp[answer ?? mine.rsvp]}</span>
                {mine.role !== 'organizer' && !cancelled && (
                  <div className="toolbar">
                    <button type="button" disabled={busy} onClick={() => void respond('accept')}>
                      {t.accept}
                    </button>
                    <button type="button" className="secondary" disabled={busy} onClick={() => void respond('decline')}>
                      {t.decline}
                    </button>
                  </div>
                )}
                <ErrorMessage problem={problem} />
              </dd>
            </>
          )}
        </dl>
      </details>
    </li>
  );
}

function CalendarFeed() {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<Schemas['CalendarFeedStatusResponse'] | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const load = useCallback(async () => {
    const { data } = await api.GET('/api/v1/me/calendar-feed');
    setStatus(data ?? null);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    const { data } = await api.POST('/api/v1/me/calendar-feed');
    if (data) {
      setUrl(data.url);
      setCopied(false);
      await load();
    }
  };

  const copy = async () => {
    if (url) {
      await navigator.clipboard.writeText(url).catch(() => undefined);
      setCopied(true);
    }
  };

  return (
    <section aria-labelledby="feed-title" className="card">
      <h2 id="feed-title">{t.calendarFeed}</h2>
      <p>{t.calendarFeedIntro}</p>
      {status && (
        <p>
          {status.exists && status.createdAt
            ? fill(t.calendarFeedActive, { date: formatDate(status.createdAt, lang) })
            : t.calendarFeedNone}
        </p>
      )}
      {url && (
        <div className="copy-field">
          <label htmlFor="feed-url">{t.feedLink}</label>
          <input id="feed-url" readOnly value={url} onFocus={(event) => event.target.select()} />
          <button type="button" onClick={() => void copy()}>
            {t.copy}
          </button>
          <span aria-live="polite">{copied ? t.copied : ''}</span>
        </div>
      )}
      <button type="button" onClick={() => void create()}>
        {t.makeFeedLink}
      </button>
    </section>
  );
}
