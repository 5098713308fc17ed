import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { api, problemOf, type Person, type Problem } from '../api/client';
import { fill } from '../i18n';
import { ErrorMessage } from './common';
import { usePickerText } from './person-picker-i18n';

/**
 * A person picker: a labelled search field (name or email, `GET /api/v1/people?q=`, the search
 * the admin and intervision pages use) and the matches as a list, each with its own button. It is
 * no <form> of its own, so it also works inside another form: Enter in the field searches instead
 * of submitting the outer form. The number of matches (or "nobody found") is announced in a live
 * region; after a pick that `onPick` reports as done, the field is emptied and gets the focus again.
 *
 * Used for adding an intervision member, naming an intervision group's facilitator and a
 * person's line manager. The caller names the field (`label`), the button of each match
 * (`pickLabel`) and which people it offers (`accept`, e.g. active staff not already in the group).
 */
export function PersonPicker({
  id,
  label,
  pickLabel,
  onPick,
  accept = (person) => person.active,
  noneFound,
  searchLabel,
  busy = false,
  inputRef,
}: {
  id: string;
  label: string;
  pickLabel: (person: Person) => string;
  /** Resolves true when the pick is done: the results close and the field is emptied. */
  onPick: (person: Person) => Promise<boolean> | boolean;
  accept?: (person: Person) => boolean;
  /** The text when nobody matches (default: "Niemand gevonden."). */
  noneFound?: string;
  /** The search button's text (default: "Zoeken"). */
  searchLabel?: string;
  busy?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const { pp } = usePickerText();
  const ownRef = useRef<HTMLInputElement>(null);
  const field = inputRef ?? ownRef;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const [status, setStatus] = useState('');
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const latest = useRef(0);

  // A new search text makes the old matches stale: they are taken away, not left to be picked.
  useEffect(() => {
    setFound(null);
  }, [query]);

  const search = async () => {
    const q = query.trim();
    if (q.length < 2) {
      setFound(null);
      setStatus(pp.tooShort);
      return;
    }
    const call = ++latest.current;
    setSearching(true);
    const { data, error, response } = await api.GET('/api/v1/people', { params: { query: { q, limit: 20 } } });
    if (call !== latest.current) {
      return;
    }
    setSearching(false);
    if (!data) {
      setFound(null);
      setStatus('');
      setProblem(problemOf(error, response.status));
      return;
    }
    const matches = data.items.filter(accept);
    setProblem(null);
    setFound(matches);
    setStatus(
      matches.length === 0
        ? (noneFound ?? pp.noneFound)
        : matches.length === 1
          ? pp.foundOne
          : fill(pp.found, { n: matches.length }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  };

  const pick = async (person: Person) => {
    if (await onPick(person)) {
      setQuery('');
      setFound(null);
      setStatus('');
      field.current?.focus();
    }
  };

  return (
    <div className="person-picker">
      <div className="toolbar member-search">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          ref={field}
          type="search"
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" disabled={searching || busy} onClick={() => void search()}>
          {searchLabel ?? pp.search}
        </button>
      </div>
      <p id={`${id}-hint`} className="muted">
        {pp.searchHint}
      </p>
      <p role="status" className="picker-status">
        {status}
      </p>
      {found && found.length > 0 && (
        <ul className="member-list" aria-label={`${pp.results}: ${label}`}>
          {found.map((person) => (
            <li key={person.id}>
              {person.displayName} <span className="muted">({person.email})</span>{' '}
              <button type="button" disabled={busy} onClick={() => void pick(person)}>
                {pickLabel(person)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage problem={problem} />
    </div>
  );
}

/**
 * The admin's person editor: the person's line manager (`PATCH /people/{id}` with
 * `lineManagerId`), chosen with the person picker and saved at once; or taken away.
 */
export function LineManagerEditor({ person, onSaved }: { person: Person; onSaved: (person: Person) => void }) {
  const { pp } = usePickerText();
  const [manager, setManager] = useState<Person | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    if (!person.lineManagerId) {
      setManager(null);
      return;
    }
    void api
      .GET('/api/v1/people/{id}', { params: { path: { id: person.lineManagerId } } })
      .then(({ data }) => setManager(data ?? null));
  }, [person.lineManagerId]);

  const save = async (next: Person | null): Promise<boolean> => {
    setBusy(true);
    setNotice('');
    const { data, error, response } = await api.PATCH('/api/v1/people/{id}', {
      params: { path: { id: person.id } },
      body: {
        // The typed client asks for these three; they are sent as they are stored.
        language: person.language,
        isAdmin: person.isAdmin,
        active: person.active,
        // The OpenAPI document types this nullable id without its type; it is a uuid or null.
        lineManagerId: (next?.id ?? null) as never,
      },
    });
    setBusy(false);
    if (!data) {
      setProblem(problemOf(error, response.status));
      return false;
    }
    setProblem(null);
    setManager(next);
    setNotice(
      next
        ? fill(pp.lineManagerSaved, { person: data.displayName, name: next.displayName })
        : fill(pp.lineManagerRemoved, { person: data.displayName }),
    );
    onSaved(data);
    return true;
  };

  return (
    <section aria-labelledby={`line-manager-${person.id}`} className="line-manager">
      <h3 id={`line-manager-${person.id}`}>{pp.lineManager}</h3>
      <p>
        {manager ? (
          <>
            {manager.displayName} <span className="muted">({manager.email})</span>{' '}
            <button type="button" className="secondary" disabled={busy} onClick={() => void save(null)}>
              {pp.removeLineManager}
            </button>
          </>
        ) : (
          pp.noLineManager
        )}
      </p>
      <PersonPicker
        id={`line-manager-search-${person.id}`}
        label={pp.searchLineManager}
        pickLabel={(candidate) => fill(pp.chooseLineManager, { name: candidate.displayName })}
        accept={(candidate) => candidate.active && candidate.id !== person.id && candidate.id !== manager?.id}
        busy={busy}
        onPick={save}
      />
      <div aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
      <ErrorMessage problem={problem} />
    </section>
  );
}
