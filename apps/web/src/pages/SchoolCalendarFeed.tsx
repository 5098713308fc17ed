import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, problemOf, type Problem, type Schemas } from '../api/client';
import { formatDateTime } from '../format';
import { fill, useLang, type Lang } from '../i18n';
import { ErrorMessage } from './common';

type Feed = Schemas['SchoolCalendarFeedResponse'];

const nl = {
  title: 'Schoolagenda via een agenda-URL',
  intro:
    'Staat de agenda van de school online (een .ics- of webcal-adres uit Outlook, Google Agenda of de schooladministratie)? Vul het adres in: Leerkring haalt het elke 6 uur op en maakt van elke afspraak erin een studiedag. Elke keer vervangt de agenda de studiedagen van de vorige keer; een afspraak die eruit verdwijnt, verdwijnt ook hier.',
  url: 'Agenda-URL',
  urlHint: 'Begint met https://, http:// of webcal://',
  save: 'Opslaan',
  remove: 'Agenda-URL verwijderen',
  syncNow: 'Nu bijwerken',
  saved: 'Agenda-URL opgeslagen. De agenda wordt nu opgehaald.',
  removed: 'Agenda-URL verwijderd. De studiedagen die eruit kwamen blijven staan; verwijder ze zo nodig hieronder.',
  invalidUrl: 'Deze agenda-URL kan niet: {reason}',
  statusTitle: 'Laatste keer bijwerken',
  none: 'Deze school heeft nog geen agenda-URL.',
  never: 'Nog niet bijgewerkt.',
  pending: 'Bezig met bijwerken…',
  ok: 'Bijgewerkt op {when}: {count} studiedagen in de agenda.',
  failed: 'Bijwerken mislukt op {when}: {error}.',
  kept: 'De studiedagen van {when} blijven staan.',
  keptNone: 'Er zijn nog geen studiedagen uit deze agenda.',
};

const en: typeof nl = {
  title: 'School calendar by URL',
  intro:
    "Is the school's calendar online (an .ics or webcal address from Outlook, Google Calendar or the school administration)? Enter the address: Leerkring fetches it every 6 hours and turns every event in it into a study day. Each time, the calendar replaces the study days of the previous time; an event that disappears from it disappears here too.",
  url: 'Calendar URL',
  urlHint: 'Starts with https://, http:// or webcal://',
  save: 'Save',
  remove: 'Remove calendar URL',
  syncNow: 'Update now',
  saved: 'Calendar URL saved. The calendar is being fetched now.',
  removed: 'Calendar URL removed. The study days it brought stay; remove them below if needed.',
  invalidUrl: 'This calendar URL cannot be used: {reason}',
  statusTitle: 'Last update',
  none: 'This school has no calendar URL yet.',
  never: 'Not updated yet.',
  pending: 'Updating…',
  ok: 'Updated on {when}: {count} study days in the calendar.',
  failed: 'Update failed on {when}: {error}.',
  kept: 'The study days of {when} stay.',
  keptNone: 'There are no study days from this calendar yet.',
};

const texts: Record<Lang, typeof nl> = { nl, en };

const POLL_MS = 1_000;
const POLL_LIMIT = 60;

/** What the API said about the `url` field, if the problem names it. */
function urlReason(problem: Problem | null): string | null {
  const errors = (problem as { errors?: Array<{ field: string; messages: string[] }> } | null)?.errors;
  const field = errors?.find((error) => error.field === 'url');
  return field ? field.messages.join('; ') : null;
}

function FeedStatus({ feed, lang, m }: { feed: Feed; lang: Lang; m: typeof nl }) {
  if (!feed.url) {
    return <p>{m.none}</p>;
  }
  if (feed.syncPending) {
    return <p>{m.pending}</p>;
  }
  if (!feed.lastSyncAt) {
    return <p>{m.never}</p>;
  }
  if (feed.lastSyncStatus === 'ok') {
    return (
      <p className="notice">
        {fill(m.ok, { when: formatDateTime(feed.lastSyncAt, lang), count: feed.lastEventCount ?? 0 })}
      </p>
    );
  }
  return (
    <p className="error">
      {fill(m.failed, { when: formatDateTime(feed.lastSyncAt, lang), error: feed.lastSyncError ?? '' })}{' '}
      {feed.lastSuccessAt ? fill(m.kept, { when: formatDateTime(feed.lastSuccessAt, lang) }) : m.keptNone}
    </p>
  );
}

/**
 * A school's calendar feed on the admin calendar page: the URL (save, remove), "Nu bijwerken",
 * and how the last sync went. The worker does the fetching; while a sync is pending the status
 * is asked again every second, and `onSynced` reloads the study days when it is done.
 */
export function SchoolCalendarFeed({
  school,
  onSynced,
}: {
  school: Schemas['SchoolResponse'] | null;
  onSynced: () => void;
}) {
  const { lang } = useLang();
  const m = texts[lang];
  const schoolId = school?.id ?? '';
  const [feed, setFeed] = useState<Feed | null>(null);
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSyncedRef = useRef(onSynced);
  onSyncedRef.current = onSynced;
  // The school now chosen: an answer for a school chosen before it (which may arrive later) is dropped.
  const chosenSchool = useRef(schoolId);
  chosenSchool.current = schoolId;

  const load = useCallback(async (): Promise<Feed | null> => {
    if (!schoolId) {
      return null;
    }
    const { data, error, response } = await api.GET('/api/v1/schools/{schoolId}/calendar-feed', {
      params: { path: { schoolId } },
    });
    if (chosenSchool.current !== schoolId) {
      return null;
    }
    if (!data) {
      setProblem(problemOf(error, response.status));
      return null;
    }
    setFeed(data);
    return data;
  }, [schoolId]);

  useEffect(() => {
    setFeed(null);
    setNotice(null);
    setProblem(null);
    void load().then((data) => {
      if (chosenSchool.current === schoolId) {
        setUrl(data?.url ?? '');
      }
    });
  }, [load, schoolId]);

  // While a sync is pending, ask again every second (at most a minute), then reload the study days.
  const pending = feed?.syncPending ?? false;
  useEffect(() => {
    if (!pending) {
      return;
    }
    let polls = 0;
    const timer = setInterval(() => {
      polls += 1;
      void load().then((data) => {
        if (data && !data.syncPending) {
          onSyncedRef.current();
        }
      });
      if (polls >= POLL_LIMIT) {
        clearInterval(timer);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, load]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const { data, error, response } = await api.PUT('/api/v1/schools/{schoolId}/calendar-feed', {
      params: { path: { schoolId } },
      body: { url },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setFeed(data);
      setUrl(data.url ?? '');
      setNotice(m.saved);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const remove = async () => {
    setBusy(true);
    setNotice(null);
    const { error, response } = await api.DELETE('/api/v1/schools/{schoolId}/calendar-feed', {
      params: { path: { schoolId } },
    });
    setBusy(false);
    if (response.ok) {
      setProblem(null);
      setUrl('');
      setNotice(m.removed);
      await load();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const syncNow = async () => {
    setBusy(true);
    setNotice(null);
    const { data, error, response } = await api.POST('/api/v1/schools/{schoolId}/calendar-feed/sync', {
      params: { path: { schoolId } },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setFeed(data);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const reason = urlReason(problem);
  return (
    <form className="card" onSubmit={(event) => void save(event)} aria-labelledby="feed-title">
      <h2 id="feed-title">{m.title}</h2>
      <p>{m.intro}</p>
      <label htmlFor="c-feed-url">{m.url}</label>
      <input
        id="c-feed-url"
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={2000}
        value={url}
        aria-describedby={reason ? 'c-feed-url-hint c-feed-url-error' : 'c-feed-url-hint'}
        aria-invalid={reason ? true : undefined}
        onChange={(e) => setUrl(e.target.value)}
      />
      <p id="c-feed-url-hint" className="muted">
        {m.urlHint}
      </p>
      {reason && (
        <p id="c-feed-url-error" role="alert" className="error">
          {fill(m.invalidUrl, { reason })}
        </p>
      )}
      {!reason && <ErrorMessage problem={problem} />}
      <p>
        <button type="submit" disabled={busy || !schoolId}>
          {m.save}
        </button>{' '}
        {feed?.url && (
          <>
            <button type="button" disabled={busy || pending} onClick={() => void syncNow()}>
              {m.syncNow}
            </button>{' '}
            <button type="button" className="secondary" disabled={busy} onClick={() => void remove()}>
              {m.remove}
            </button>
          </>
        )}
      </p>
      <div aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
      <section aria-labelledby="feed-status-title">
        <h3 id="feed-status-title">{m.statusTitle}</h3>
        <div role="status">{feed && <FeedStatus feed={feed} lang={lang} m={m} />}</div>
      </section>
    </form>
  );
}
