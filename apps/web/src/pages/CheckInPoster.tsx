import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { api, problemOf, type Problem, type ThemeMeeting } from '../api/client';
import { formatDate, formatTimeRange } from '../format';
import { fill } from '../i18n';
import { Link } from '../router';
import { ErrorMessage, Loading, PageTitle } from './common';
import { useManageText } from './manage-i18n';
import './check-in-poster.css';

type Session = ThemeMeeting['sessions'][number];

/** The QR code of one check-in URL as a PNG data URL (the `qrcode` library; data: images pass the CSP). */
export function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 4, width: 480 });
}

/**
 * /organiseren/:id/qr-code: per session of a theme meeting a poster for the venue with the title,
 * the time, the QR code of its check-in URL and the code in text. The API gives the check-in URL
 * only to the organiser and admins; anyone else sees no posters. Printing shows only the posters.
 */
export function CheckInPosterPage({ id }: { id: string }) {
  const { m, lang } = useManageText();
  const [meeting, setMeeting] = useState<ThemeMeeting | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/theme-meetings/{id}', { params: { path: { id } } }).then(({ data, error, response }) => {
      setMeeting(data ?? null);
      setProblem(data ? null : problemOf(error, response.status));
    });
  }, [id]);

  const sessions = (meeting?.sessions ?? []).filter((session) => session.checkInUrl && session.checkInCode);
  return (
    <>
      <p className="no-print">
        <Link href={`/organiseren/${id}`}>← {m.posterBack}</Link>
      </p>
      <div className="no-print">
        <PageTitle>{meeting ? fill(m.posterPageTitle, { title: meeting.title }) : m.printQr}</PageTitle>
        <ErrorMessage problem={problem} />
        {!meeting && !problem && <Loading />}
        {meeting && sessions.length === 0 && <p>{m.posterNoCode}</p>}
        {sessions.length > 0 && (
          <>
            <p>{m.posterHint}</p>
            <p>
              <button type="button" onClick={() => window.print()}>
                {m.posterPrint}
              </button>
            </p>
          </>
        )}
      </div>
      {meeting &&
        sessions.map((session, index) => (
          <Poster
            key={session.id}
            title={meeting.title}
            session={session}
            n={sessions.length > 1 ? index + 1 : 0}
            lang={lang}
          />
        ))}
    </>
  );
}

function Poster({ title, session, n, lang }: { title: string; session: Session; n: number; lang: 'nl' | 'en' }) {
  const { m } = useManageText();
  const [src, setSrc] = useState<string | null>(null);
  const url = session.checkInUrl ?? '';

  useEffect(() => {
    let current = true;
    void qrDataUrl(url).then((data) => current && setSrc(data));
    return () => {
      current = false;
    };
  }, [url]);

  const when = `${formatDate(session.start, lang)}, ${formatTimeRange(session.start, session.end, lang)}`;
  const headingId = `poster-${session.id}`;
  return (
    <section className="card poster" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>
        {n > 0 && <>{fill(m.session, { n })}: </>}
        {when}
      </p>
      <p>{m.posterScan}</p>
      {src ? <img src={src} alt={fill(m.qrAlt, { when })} data-check-in-url={url} /> : <Loading />}
      <p>{m.posterOrCode}</p>
      <p className="poster-code">{session.checkInCode}</p>
      <p className="poster-url muted">{url}</p>
    </section>
  );
}
