import { useCallback, useEffect, useState } from 'react';
import { api, problemOf, type Problem, type Schemas } from '../api/client';
import { formatDateTime } from '../format';
import { useLang } from '../i18n';
import { AdminSections } from './AdminPages';
import { ErrorMessage, Loading, PageTitle } from './common';

type Counts = Record<string, number>;
interface Readiness {
  status?: string;
  details?: Record<string, { status: string } & Record<string, unknown>>;
}

export function AdminPage() {
  const { t } = useLang();
  return (
    <>
      <PageTitle>{t.admin}</PageTitle>
      <AdminSections />
      <QueueHealth />
      <MailFailures />
      <AuditLog />
    </>
  );
}

function QueueHealth() {
  const { t } = useLang();
  const [health, setHealth] = useState<Readiness | null>(null);

  useEffect(() => {
    // 503 also carries the details, so read the body either way.
    void fetch('/api/health/ready', { credentials: 'same-origin' })
      .then((response) => response.json() as Promise<Readiness>)
      .then(setHealth, () => setHealth({ status: 'error' }));
  }, []);

  const details = health?.details ?? {};
  const queues = Object.entries(details.queues ?? {}).filter(
    (entry): entry is [string, Counts] => entry[0] !== 'status' && typeof entry[1] === 'object' && entry[1] !== null,
  );
  return (
    <section aria-labelledby="queues-title" className="card">
      <h2 id="queues-title">{t.queueHealth}</h2>
      {!health && <Loading />}
      {health && (
        <>
          <ul className="inline">
            <li>
              {t.database}: {details.database?.status === 'up' ? t.up : t.down}
            </li>
            <li>
              {t.redis}: {details.redis?.status === 'up' ? t.up : t.down}
            </li>
          </ul>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t.queueHealth}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.queue}</th>
                  <th scope="col">{t.waiting}</th>
                  <th scope="col">{t.active}</th>
                  <th scope="col">{t.delayed}</th>
                  <th scope="col">{t.failed}</th>
                </tr>
              </thead>
              <tbody>
                {queues.map(([name, counts]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{counts.waiting ?? 0}</td>
                    <td>{counts.active ?? 0}</td>
                    <td>{counts.delayed ?? 0}</td>
                    <td className={counts.failed ? 'warn' : undefined}>{counts.failed ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href="/api/admin/queues">{t.dashboard}</a>
          </p>
        </>
      )}
    </section>
  );
}

function MailFailures() {
  const { t, lang } = useLang();
  const [items, setItems] = useState<Schemas['MailFailureResponse'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/admin/mail-failures').then(({ data, error, response }) => {
      setItems(data?.items ?? null);
      setProblem(data ? null : problemOf(error, response.status));
    });
  }, []);

  return (
    <section aria-labelledby="mail-title" className="card">
      <h2 id="mail-title">{t.mailFailures}</h2>
      <ErrorMessage problem={problem} />
      {items && items.length === 0 && <p>{t.noMailFailures}</p>}
      {items && items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              {formatDateTime(item.failedAt, lang)} — {item.kind}: {item.reason ?? '?'} ({item.attempts}×)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AuditLog() {
  const { t, lang } = useLang();
  const [items, setItems] = useState<Schemas['AuditEventResponse'][]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async (after?: string) => {
    const { data, error, response } = await api.GET('/api/v1/audit-events', {
      params: { query: { limit: 25, ...(after ? { cursor: after } : {}) } },
    });
    if (data) {
      setItems((previous) => (after ? [...previous, ...data.items] : data.items));
      setCursor(data.nextCursor);
    } else {
      setProblem(problemOf(error, response.status));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="audit-title" className="card">
      <h2 id="audit-title">{t.auditLog}</h2>
      <ErrorMessage problem={problem} />
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t.auditLog}</caption>
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.action}</th>
              <th scope="col">{t.entity}</th>
              <th scope="col">{t.actor}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.occurredAt, lang)}</td>
                <td>{event.action}</td>
                <td>
                  {event.entityType} {event.entityId?.slice(0, 8)}
                </td>
                <td>{event.actorPersonId?.slice(0, 8) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor && (
        <button type="button" onClick={() => void load(cursor)}>
          {t.more}
        </button>
      )}
    </section>
  );
}
