import { useEffect, useState, type FormEvent } from 'react';
import { api, problemOf, type Problem, type ThemeMeeting } from '../api/client';
import { formatDate, formatTimeRange } from '../format';
import { fill, useLang, type Lang } from '../i18n';
import { Link } from '../router';
import { ErrorMessage, Loading, PageTitle } from './common';

const texts: Record<
  Lang,
  Record<'title' | 'session' | 'code' | 'codeHelp' | 'submit' | 'done' | 'back' | 'unknownSession', string>
> = {
  nl: {
    title: 'Inchecken',
    session: 'Bijeenkomst van {date}, {time}',
    code: 'Code',
    codeHelp: 'De code van zes tekens die bij de ingang of op het scherm staat.',
    submit: 'Ik ben er',
    done: 'Je bent aanwezig gemeld. Je hebt nu {hours} uur voor deze themabijeenkomst.',
    back: 'Naar de themabijeenkomst',
    unknownSession: 'Deze bijeenkomst hoort niet bij deze themabijeenkomst. Scan de code opnieuw.',
  },
  en: {
    title: 'Check in',
    session: 'Session of {date}, {time}',
    code: 'Code',
    codeHelp: 'The six-character code shown at the entrance or on the screen.',
    submit: 'I am here',
    done: 'You are marked present. You now have {hours} hours for this theme meeting.',
    back: 'To the theme meeting',
    unknownSession: 'This session does not belong to this theme meeting. Scan the code again.',
  },
};

/**
 * Where the QR code at the venue leads (`checkInUrl`: /themabijeenkomsten/{id}/inchecken?sessie=…&code=…):
 * the participant, signed in, confirms with one button; without the QR code they type the code.
 */
export function CheckInPage({ id }: { id: string }) {
  const { lang } = useLang();
  const m = texts[lang];
  const query = new URLSearchParams(window.location.search);
  const sessionId = query.get('sessie') ?? '';
  const [code, setCode] = useState(query.get('code') ?? '');
  const [meeting, setMeeting] = useState<ThemeMeeting | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [hours, setHours] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    void api.GET('/api/v1/theme-meetings/{id}', { params: { path: { id } } }).then(({ data, error, response }) => {
      if (!stale) {
        setMeeting(data ?? null);
        setProblem(data ? null : problemOf(error, response.status));
      }
    });
    return () => {
      stale = true;
    };
  }, [id]);

  const checkIn = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/theme-meetings/{id}/sessions/{sessionId}/check-in', {
      params: { path: { id, sessionId } },
      body: { code: code.trim() },
    });
    setBusy(false);
    setHours(data ? data.attendedHours : null);
    setProblem(data ? null : problemOf(error, response.status));
  };

  if (!meeting) {
    return problem ? <ErrorMessage problem={problem} /> : <Loading />;
  }
  const session = meeting.sessions.find((candidate) => candidate.id === sessionId);
  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <p>
        <strong>{meeting.title}</strong>
      </p>
      {session ? (
        <p>
          {fill(m.session, {
            date: formatDate(session.start, lang),
            time: formatTimeRange(session.start, session.end, lang),
          })}
        </p>
      ) : (
        <p role="alert" className="error">
          {m.unknownSession}
        </p>
      )}
      {hours !== null ? (
        <p role="status">{fill(m.done, { hours: hours.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') })}</p>
      ) : (
        session && (
          <form onSubmit={(event) => void checkIn(event)}>
            <div>
              <label htmlFor="check-in-code">{m.code}</label>
              <input
                id="check-in-code"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                required
                maxLength={6}
                aria-describedby="check-in-code-help"
              />
              <p id="check-in-code-help">{m.codeHelp}</p>
            </div>
            <button type="submit" disabled={busy}>
              {m.submit}
            </button>
          </form>
        )
      )}
      <ErrorMessage problem={problem} />
      <p>
        <Link href={`/themabijeenkomsten/${id}`}>{m.back}</Link>
      </p>
    </>
  );
}
