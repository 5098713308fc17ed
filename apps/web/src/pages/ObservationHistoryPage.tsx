import { useEffect, useState } from 'react';
import { api, problemOf, type Person, type Problem, type Schemas } from '../api/client';
import { formatDate } from '../format';
import { fill } from '../i18n';
import { Link } from '../router';
import { useCoachText } from './coach-i18n';
import { ErrorMessage, Loading, PageTitle } from './common';
import './coach-pages.css';

type HistoryItem = Schemas['TeacherHistoryItemResponse'];

/**
 * /klassenbezoeken/observaties: the signed-in teacher's own observation history, newest lesson
 * first. What `GET /coaching/teachers/{me}/observation-history` returns: only visits whose
 * debrief is held (the observation is shared then); the API answers 404 for anyone else's.
 * The observer's name comes from the teacher's own visit list.
 */
export function ObservationHistoryPage({ me }: { me: Person }) {
  const { c, t, lang } = useCoachText();
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [observers, setObservers] = useState<Map<string, string>>(new Map());
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void Promise.all([
      api.GET('/api/v1/coaching/teachers/{personId}/observation-history', {
        params: { path: { personId: me.id } },
      }),
      api.GET('/api/v1/coaching/visits'),
    ]).then(([history, visits]) => {
      // The API lists the earliest lesson first; newest first here (the date, then the API's order).
      const newestFirst = [...(history.data?.items ?? [])].reverse();
      newestFirst.sort((a, b) => b.date.localeCompare(a.date));
      setItems(history.data ? newestFirst : null);
      setProblem(history.data ? null : problemOf(history.error, history.response.status));
      setObservers(new Map((visits.data?.items ?? []).map((visit) => [visit.id, visit.observerName])));
    });
  }, [me.id]);

  const average = (value: number | null) =>
    value === null
      ? c.noScore
      : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(value);

  return (
    <>
      <p>
        <Link href="/klassenbezoeken">← {t.back}</Link>
      </p>
      <PageTitle>{c.observationHistory}</PageTitle>
      <p className="muted">{c.observationHistoryIntro}</p>
      <ErrorMessage problem={problem} />
      {!items && !problem && <Loading />}
      {items && items.length === 0 && <p>{c.noObservationHistory}</p>}
      {items && items.length > 0 && (
        <ol className="cards observation-history">
          {items.map((item) => (
            <li key={item.visitId} className="card">
              <h2>
                <Link href={`/klassenbezoeken/${item.visitId}`}>{fill(c.visitTitle, { group: item.groupName })}</Link>
              </h2>
              <p>
                <span className="time">{formatDate(`${item.date}T12:00:00Z`, lang)}</span>
                {observers.get(item.visitId) && (
                  <>, {fill(c.observedBy, { name: observers.get(item.visitId) ?? '' })}</>
                )}
              </p>
              <p>
                <span className={item.assessment ? 'tag warn' : 'tag'}>
                  {item.assessment ? c.assessment : c.development}
                </span>
              </p>
              <h3>{c.domainAverages}</h3>
              <dl>
                {item.domains.map((domain) => (
                  <div key={domain.key}>
                    <dt>{domain.title}</dt>
                    <dd>{average(domain.average)}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
