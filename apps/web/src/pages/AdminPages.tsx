import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, problemOf, type Person, type Problem, type Schemas } from '../api/client';
import { formatDay, todayInAmsterdam } from '../format';
import { fill } from '../i18n';
import { Link, usePath } from '../router';
import { ErrorMessage, Loading, PageTitle } from './common';
import { FormsNavLabel } from './FormsAdminPages';
import { useManageText, type ManageText } from './manage-i18n';
import { useSchools } from './OrganiserPages';
import { SchoolCalendarFeed } from './SchoolCalendarFeed';
import { LineManagerEditor } from './PersonPicker';
import { schoolYearOf } from './ThemeMeetingPages';

type School = Schemas['SchoolResponse'];
type SchoolFunction = Person['memberships'][number]['function'];

const FUNCTIONS: SchoolFunction[] = [
  'teacher',
  'starter',
  'trainee',
  'teaching_assistant',
  'director',
  'werkbegeleider',
  'intern_begeleider',
  'kwaliteitscoordinator',
  'vakcoach',
  'schoolopleider',
];

/** The texts FormProblem needs: field names and hints, and problem codes, in the page's language. */
export type ProblemTexts = Pick<
  ManageText,
  'fixFields' | 'fieldLabels' | 'fieldHints' | 'invalidField' | 'problemCodes'
>;

interface FieldProblem {
  field: string;
  messages: string[];
}

/** The `errors` of a validation problem+json (400), if any. */
export function fieldProblems(problem: Problem | null): FieldProblem[] {
  const errors = (problem as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as FieldProblem[]) : [];
}

/** Whether the API refused this field (`domains.0.title` counts for `domains`). */
export function isInvalid(problem: Problem | null, field: string): boolean {
  return fieldProblems(problem).some((error) => error.field.split('.')[0] === field);
}

/**
 * A refused save, next to its form, in the page's language: each refused field with what it
 * should hold, or the known conflict in words; any other problem as the app's usual message.
 */
export function FormProblem({ problem, texts }: { problem: Problem | null; texts: ProblemTexts }) {
  if (!problem) {
    return null;
  }
  const fields = fieldProblems(problem);
  const known = texts.problemCodes[problem.code];
  if (fields.length === 0 && !known) {
    return <ErrorMessage problem={problem} />;
  }
  const seen = [...new Set(fields.map((error) => error.field.split('.')[0]))];
  return (
    <div role="alert" className="error">
      {known && <p>{known}</p>}
      {seen.length > 0 && (
        <>
          <p>{texts.fixFields}</p>
          <ul>
            {seen.map((field) => (
              <li key={field}>
                {texts.fieldLabels[field] ?? field}: {texts.fieldHints[field] ?? texts.invalidField}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Focus moves to the editor's heading when it opens, so keyboard and screen reader users land there. */
function useFocusOnOpen(key: string | null) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (key) {
      ref.current?.focus();
    }
  }, [key]);
  return ref;
}

/** Links to the admin pages, shown on each of them. */
export function AdminSections() {
  const { t, m } = useManageText();
  const path = usePath();
  const sections = [
    { href: '/beheer', label: t.queueHealth },
    { href: '/beheer/scholen', label: m.schoolsTitle },
    { href: '/beheer/personen', label: m.peopleTitle },
    { href: '/beheer/import', label: m.importTitle },
    { href: '/beheer/kalender', label: m.calendarTitle },
    { href: '/beheer/formulieren', label: <FormsNavLabel /> },
  ];
  return (
    <nav aria-label={m.adminSections}>
      <ul className="inline">
        {sections.map((section) => (
          <li key={section.href}>
            <Link href={section.href} aria-current={path === section.href ? 'page' : undefined}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** /beheer/scholen */
export function SchoolsAdminPage() {
  const { m } = useManageText();
  const [schools, setSchools] = useState<School[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [editing, setEditing] = useState<School | null>(null);
  const [draft, setDraft] = useState({
    name: '',
    brin: '',
    vestiging: '',
    sector: 'PO' as School['sector'],
    holidayRegion: 'middle' as School['holidayRegion'],
    city: '',
  });

  const load = useCallback(async () => {
    const all: School[] = [];
    let cursor: string | undefined;
    do {
      const { data, error, response } = await api.GET('/api/v1/schools', {
        params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
      });
      if (!data) {
        setProblem(problemOf(error, response.status));
        return;
      }
      all.push(...data.items);
      cursor = data.nextCursor ?? undefined;
    } while (cursor);
    setSchools(all);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const { data, error, response } = await api.POST('/api/v1/schools', {
      body: {
        name: draft.name,
        brin: draft.brin.toUpperCase(),
        ...(draft.vestiging ? { vestiging: draft.vestiging } : {}),
        sector: draft.sector,
        holidayRegion: draft.holidayRegion,
        ...(draft.city ? { city: draft.city } : {}),
      },
    });
    if (data) {
      setProblem(null);
      setAdded(data.name);
      setDraft({ ...draft, name: '', brin: '', vestiging: '', city: '' });
      await load();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <>
      <PageTitle>{m.schoolsTitle}</PageTitle>
      <AdminSections />
      {!schools && !problem && <Loading />}
      {schools && (
        <div className="table-wrap card">
          <table>
            <caption className="sr-only">{m.schoolsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{m.schoolName}</th>
                <th scope="col">{m.brin}</th>
                <th scope="col">{m.sector}</th>
                <th scope="col">{m.region}</th>
                <th scope="col">{m.city}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {schools.map((school) => (
                <tr key={school.id}>
                  <th scope="row">{school.name}</th>
                  <td>{school.brinCode}</td>
                  <td>{school.sector}</td>
                  <td>{m.regions[school.holidayRegion]}</td>
                  <td>{school.city}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={fill(m.editThis, { name: school.name })}
                      onClick={() => setEditing(school)}
                    >
                      {m.edit}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <EditSchool
          key={editing.id}
          school={editing}
          onSaved={async (saved) => {
            setEditing(saved);
            await load();
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="add-school-title">
        <h2 id="add-school-title">{m.addSchool}</h2>
        <label htmlFor="s-name">{m.schoolName}</label>
        <input id="s-name" required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <label htmlFor="s-brin">{m.brin}</label>
        <input
          id="s-brin"
          required
          pattern="[0-9]{2}[A-Za-z]{2}"
          value={draft.brin}
          onChange={(e) => setDraft({ ...draft, brin: e.target.value })}
        />
        <label htmlFor="s-vestiging">{m.vestiging}</label>
        <input
          id="s-vestiging"
          pattern="[0-9]{2}"
          value={draft.vestiging}
          onChange={(e) => setDraft({ ...draft, vestiging: e.target.value })}
        />
        <SectorAndRegion idPrefix="s" value={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
        <label htmlFor="s-city">{m.city}</label>
        <input id="s-city" value={draft.city} onChange={(e) => setDraft({ ...draft, city: e.target.value })} />
        <p>
          <button type="submit">{m.addSchool}</button>
        </p>
        <div aria-live="polite">{added && <p className="notice">{fill(m.schoolAdded, { name: added })}</p>}</div>
        <ErrorMessage problem={problem} />
      </form>
    </>
  );
}

/** /beheer/personen: search people by name or email. */
/** A school's sector and holiday region: the same two choices in the new-school and edit-school forms. */
function SectorAndRegion({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: Pick<School, 'sector' | 'holidayRegion'>;
  onChange: (patch: Partial<Pick<School, 'sector' | 'holidayRegion'>>) => void;
}) {
  const { m } = useManageText();
  return (
    <>
      <label htmlFor={`${idPrefix}-sector`}>{m.sector}</label>
      <select
        id={`${idPrefix}-sector`}
        value={value.sector}
        onChange={(e) => onChange({ sector: e.target.value as School['sector'] })}
      >
        {(['PO', 'SBO', 'SO', 'VSO', 'VO'] as const).map((sector) => (
          <option key={sector} value={sector}>
            {sector}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-region`}>{m.region}</label>
      <select
        id={`${idPrefix}-region`}
        value={value.holidayRegion}
        onChange={(e) => onChange({ holidayRegion: e.target.value as School['holidayRegion'] })}
      >
        {(['north', 'middle', 'south'] as const).map((region) => (
          <option key={region} value={region}>
            {m.regions[region]}
          </option>
        ))}
      </select>
    </>
  );
}

export function PeopleAdminPage() {
  const { t, m } = useManageText();
  const schools = useSchools();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [editing, setEditing] = useState<Person | null>(null);

  const load = useCallback(
    async (after?: string) => {
      const { data, error, response } = await api.GET('/api/v1/people', {
        params: { query: { limit: 50, ...(q ? { q } : {}), ...(after ? { cursor: after } : {}) } },
      });
      if (data) {
        setPeople((previous) => (after ? [...(previous ?? []), ...data.items] : data.items));
        setCursor(data.nextCursor);
        setProblem(null);
      } else {
        setProblem(problemOf(error, response.status));
      }
    },
    [q],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const schoolName = new Map((schools ?? []).map((school) => [school.id, school.name]));
  return (
    <>
      <PageTitle>{m.peopleTitle}</PageTitle>
      <AdminSections />
      <form
        role="search"
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(draft.trim());
        }}
      >
        <div>
          <label htmlFor="p-search">{m.search}</label>
          <input id="p-search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <button type="submit">{m.searchButton}</button>
      </form>
      <ErrorMessage problem={problem} />
      {!people && !problem && <Loading />}
      <div aria-live="polite">{people && people.length === 0 && <p>{m.noPeople}</p>}</div>
      {people && people.length > 0 && (
        <div className="table-wrap card">
          <table>
            <caption className="sr-only">{m.peopleTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{m.name}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{m.schools}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    {person.displayName}
                    {!person.active && <span className="muted"> ({m.inactive})</span>}
                  </th>
                  <td>{person.email}</td>
                  <td>
                    {person.memberships
                      .map((ms) => `${schoolName.get(ms.schoolId) ?? '?'}: ${m.functions[ms.function]}`)
                      .join('; ')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={fill(m.editThis, { name: person.displayName })}
                      onClick={() => setEditing(person)}
                    >
                      {m.edit}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" onClick={() => void load(cursor)}>
          {t.more}
        </button>
      )}
      {editing && (
        <EditPerson
          key={editing.id}
          person={editing}
          schools={schools ?? []}
          onSaved={(saved) => {
            setEditing(saved);
            setPeople((previous) => (previous ?? []).map((row) => (row.id === saved.id ? saved : row)));
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

/** Edits a school: `PATCH /schools/{id}` with every field; refusals shown field by field. */
function EditSchool({
  school,
  onSaved,
  onClose,
}: {
  school: School;
  onSaved: (school: School) => Promise<void>;
  onClose: () => void;
}) {
  const { m } = useManageText();
  const heading = useFocusOnOpen(school.id);
  const [draft, setDraft] = useState({
    name: school.name,
    brin: school.brin,
    vestiging: school.vestiging,
    sector: school.sector,
    holidayRegion: school.holidayRegion,
    street: school.street,
    postalCode: school.postalCode,
    city: school.city,
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(null);
    const { data, error, response } = await api.PATCH('/api/v1/schools/{id}', {
      params: { path: { id: school.id } },
      body: { ...draft, brin: draft.brin.toUpperCase(), postalCode: draft.postalCode.toUpperCase() },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setSaved(data.name);
      await onSaved(data);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const field = (name: keyof typeof draft, label: string, extra: { required?: boolean } = {}) => (
    <>
      <label htmlFor={`es-${name}`}>{label}</label>
      <input
        id={`es-${name}`}
        {...extra}
        aria-invalid={isInvalid(problem, name) || undefined}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </>
  );

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="edit-school-title">
      <h2 id="edit-school-title" tabIndex={-1} ref={heading}>
        {fill(m.editSchoolTitle, { name: school.name })}
      </h2>
      {field('name', m.schoolName, { required: true })}
      {field('brin', m.brin, { required: true })}
      {field('vestiging', m.vestiging)}
      <SectorAndRegion idPrefix="es" value={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
      {field('street', m.street)}
      {field('postalCode', m.postalCode)}
      {field('city', m.city)}
      <p>
        <button type="submit" disabled={busy}>
          {m.save}
        </button>{' '}
        <button type="button" className="secondary" onClick={onClose}>
          {m.close}
        </button>
      </p>
      <div aria-live="polite">{saved && <p className="notice">{fill(m.saved, { name: saved })}</p>}</div>
      <FormProblem problem={problem} texts={m} />
    </form>
  );
}

/**
 * Edits a person: name, email, language, administrator and active (`PATCH /people/{id}`), and
 * their functions at schools (`POST`/`DELETE /people/{id}/memberships`).
 */
function EditPerson({
  person,
  schools,
  onSaved,
  onClose,
}: {
  person: Person;
  schools: School[];
  onSaved: (person: Person) => void;
  onClose: () => void;
}) {
  const { m } = useManageText();
  const heading = useFocusOnOpen(person.id);
  const [draft, setDraft] = useState({
    givenName: person.givenName,
    familyNamePrefix: person.familyNamePrefix,
    familyName: person.familyName,
    email: person.email,
    language: person.language,
    isAdmin: person.isAdmin,
    active: person.active,
  });
  const [membership, setMembership] = useState({ schoolId: '', function: 'teacher' as SchoolFunction });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const schoolName = (id: string) => schools.find((school) => school.id === id)?.name ?? '?';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const { data, error, response } = await api.PATCH('/api/v1/people/{id}', {
      params: { path: { id: person.id } },
      body: draft,
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setNotice(fill(m.saved, { name: data.displayName }));
      onSaved(data);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const addMembership = async (event: FormEvent) => {
    event.preventDefault();
    const schoolId = membership.schoolId || schools[0]?.id;
    if (!schoolId) {
      return;
    }
    setNotice(null);
    const { data, error, response } = await api.POST('/api/v1/people/{id}/memberships', {
      params: { path: { id: person.id } },
      body: { schoolId, function: membership.function },
    });
    if (data) {
      setProblem(null);
      setNotice(fill(m.membershipAdded, { fn: m.functions[membership.function], school: schoolName(schoolId) }));
      onSaved(data);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const endMembership = async (ms: Person['memberships'][number]) => {
    setNotice(null);
    const { error, response } = await api.DELETE('/api/v1/people/{id}/memberships/{membershipId}', {
      params: { path: { id: person.id, membershipId: ms.id } },
    });
    if (!response.ok) {
      setProblem(problemOf(error, response.status));
      return;
    }
    setProblem(null);
    setNotice(fill(m.membershipEnded, { fn: m.functions[ms.function], school: schoolName(ms.schoolId) }));
    onSaved({ ...person, memberships: person.memberships.filter((other) => other.id !== ms.id) });
  };

  const text = (name: 'givenName' | 'familyNamePrefix' | 'familyName' | 'email', label: string) => (
    <>
      <label htmlFor={`ep-${name}`}>{label}</label>
      <input
        id={`ep-${name}`}
        type={name === 'email' ? 'email' : 'text'}
        required={name !== 'familyNamePrefix'}
        aria-invalid={isInvalid(problem, name) || undefined}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </>
  );

  return (
    <section className="card" aria-labelledby="edit-person-title">
      <h2 id="edit-person-title" tabIndex={-1} ref={heading}>
        {fill(m.editPersonTitle, { name: person.displayName })}
      </h2>
      <form onSubmit={(event) => void submit(event)} aria-labelledby="edit-person-title">
        {text('givenName', m.givenName)}
        {text('familyNamePrefix', m.familyNamePrefix)}
        {text('familyName', m.familyName)}
        {text('email', m.email)}
        <label htmlFor="ep-language">{m.languageLabel}</label>
        <select
          id="ep-language"
          value={draft.language}
          onChange={(e) => setDraft({ ...draft, language: e.target.value as Person['language'] })}
        >
          <option value="nl">{m.languages.nl}</option>
          <option value="en">{m.languages.en}</option>
        </select>
        <div className="checkbox">
          <input
            id="ep-admin"
            type="checkbox"
            checked={draft.isAdmin}
            onChange={(e) => setDraft({ ...draft, isAdmin: e.target.checked })}
          />
          <label htmlFor="ep-admin">{m.isAdmin}</label>
        </div>
        <div className="checkbox">
          <input
            id="ep-active"
            type="checkbox"
            aria-describedby="ep-active-hint"
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
          />
          <label htmlFor="ep-active">{m.active}</label>
        </div>
        <p id="ep-active-hint" className="muted">
          {m.activeHint}
        </p>
        <p>
          <button type="submit" disabled={busy}>
            {m.save}
          </button>{' '}
          <button type="button" className="secondary" onClick={onClose}>
            {m.close}
          </button>
        </p>
      </form>
      <div aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
      <FormProblem problem={problem} texts={m} />
      <LineManagerEditor person={person} onSaved={onSaved} />
      <h3>{m.memberships}</h3>
      {person.memberships.length === 0 && <p>{m.noMemberships}</p>}
      {person.memberships.length > 0 && (
        <ul>
          {person.memberships.map((ms) => (
            <li key={ms.id}>
              {schoolName(ms.schoolId)}: {m.functions[ms.function]}{' '}
              <button type="button" className="secondary" onClick={() => void endMembership(ms)}>
                {fill(m.endMembership, { fn: m.functions[ms.function], school: schoolName(ms.schoolId) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="filters" onSubmit={(event) => void addMembership(event)} aria-label={m.addMembership}>
        <div>
          <label htmlFor="ep-ms-school">{m.chooseSchool}</label>
          <select
            id="ep-ms-school"
            value={membership.schoolId || schools[0]?.id || ''}
            onChange={(e) => setMembership({ ...membership, schoolId: e.target.value })}
          >
            {schools.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ep-ms-function">{m.functionLabel}</label>
          <select
            id="ep-ms-function"
            value={membership.function}
            onChange={(e) => setMembership({ ...membership, function: e.target.value as SchoolFunction })}
          >
            {FUNCTIONS.map((fn) => (
              <option key={fn} value={fn}>
                {m.functions[fn]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={schools.length === 0}>
          {m.addMembership}
        </button>
      </form>
    </section>
  );
}

/** /beheer/import: upload a staff CSV, check it first, see the result. */
export function StaffImportPage() {
  const { m } = useManageText();
  const [file, setFile] = useState<File | null>(null);
  const [school, setSchool] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Schemas['StaffImportReportResponse'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem({ status: 400, code: 'validation_failed', detail: m.chooseFile });
      return;
    }
    setBusy(true);
    setReport(null);
    const query = new URLSearchParams({ dryRun: String(dryRun), ...(school ? { school } : {}) });
    // The file's own bytes (also Windows-1252), not a form: the API reads text/csv bodies.
    const response = await fetch(`/api/v1/imports/staff?${query.toString()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'text/csv' },
      body: file,
    });
    setBusy(false);
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      setReport(body as Schemas['StaffImportReportResponse']);
      setProblem(null);
    } else {
      setProblem(problemOf(body, response.status));
    }
  };

  return (
    <>
      <PageTitle>{m.importTitle}</PageTitle>
      <AdminSections />
      <form className="card" onSubmit={(event) => void submit(event)}>
        <p>{m.importIntro}</p>
        <label htmlFor="i-file">{m.csvFile}</label>
        <input id="i-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label htmlFor="i-school">{m.defaultSchool}</label>
        <input id="i-school" value={school} onChange={(e) => setSchool(e.target.value.trim())} />
        <div className="checkbox">
          <input id="i-dry" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          <label htmlFor="i-dry">{m.checkFirst}</label>
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {m.runImport}
          </button>
        </p>
        <ErrorMessage problem={problem} />
      </form>
      <div aria-live="polite">{report && <ImportReport report={report} />}</div>
    </>
  );
}

function ImportReport({ report }: { report: Schemas['StaffImportReportResponse'] }) {
  const { m } = useManageText();
  return (
    <section aria-labelledby="import-result" className="card">
      <h2 id="import-result">{report.dryRun ? m.dryRunResult : m.importDone}</h2>
      <dl className="facts">
        <dt>{m.rows}</dt>
        <dd>{report.rows}</dd>
        <dt>{m.createdCount}</dt>
        <dd>{report.created}</dd>
        <dt>{m.updatedCount}</dt>
        <dd>{report.updated}</dd>
        <dt>{m.unchangedCount}</dt>
        <dd>{report.unchanged}</dd>
        <dt>{m.skippedCount}</dt>
        <dd>{report.skipped}</dd>
        <dt>{m.membershipsCount}</dt>
        <dd>{report.membershipsCreated}</dd>
      </dl>
      {report.errors.length > 0 && (
        <>
          <h3>{m.importErrors}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{m.line}</th>
                  <th scope="col">{m.field}</th>
                  <th scope="col">{m.message}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error, index) => (
                  <tr key={index}>
                    <td>{error.line}</td>
                    <td>{error.field ?? '—'}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {report.changes && report.changes.length > 0 && (
        <>
          <h3>{m.changes}</h3>
          <ul>
            {report.changes.map((change) => (
              <li key={change.line}>
                {m.line} {change.line}: {change.email} — {m.personChange[change.person]}
                {(change.memberships ?? []).map((ms) => ` · ${ms.school}: ${m.functions[ms.function]}`).join('')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** /beheer/kalender: a school's days off in a school year; add or remove study days; import holidays. */
export function SchoolCalendarPage() {
  const { m, lang } = useManageText();
  const schools = useSchools();
  const [pickedSchoolId, setSchoolId] = useState('');
  // The first school until the admin picks one: derived, not set by an effect, so a pick made
  // while the list is still arriving is never overridden.
  const schoolId = pickedSchoolId || schools?.[0]?.id || '';
  const [schoolYear, setSchoolYear] = useState(schoolYearOf(todayInAmsterdam()));
  const [closures, setClosures] = useState<Schemas['ClosureResponse'][] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: '', startDate: '', endDate: '' });

  const load = useCallback(async () => {
    if (!schoolId) {
      return;
    }
    const first = Number(schoolYear.slice(0, 4));
    const { data, error, response } = await api.GET('/api/v1/schools/{schoolId}/closures', {
      params: { path: { schoolId }, query: { from: `${first}-08-01`, to: `${first + 1}-07-31` } },
    });
    setClosures(data?.items ?? null);
    setProblem(data ? null : problemOf(error, response.status));
  }, [schoolId, schoolYear]);

  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const { data, error, response } = await api.POST('/api/v1/schools/{schoolId}/closures', {
      params: { path: { schoolId } },
      body: {
        kind: 'study_day',
        name: draft.name,
        startDate: draft.startDate,
        ...(draft.endDate ? { endDate: draft.endDate } : {}),
      },
    });
    if (data) {
      setNotice(fill(m.closureAdded, { name: data.name }));
      setDraft({ name: '', startDate: '', endDate: '' });
      await load();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const remove = async (closureId: string) => {
    const { error, response } = await api.DELETE('/api/v1/schools/{schoolId}/closures/{closureId}', {
      params: { path: { schoolId, closureId } },
    });
    if (!response.ok) {
      setProblem(problemOf(error, response.status));
    }
    await load();
  };

  const importHolidays = async () => {
    setNotice(null);
    const { data, error, response } = await api.POST('/api/v1/closures/import/rijksoverheid', {});
    if (data) {
      setNotice(fill(m.holidaysImported, { ...data.holidays }));
      await load();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const first = Number(schoolYearOf(todayInAmsterdam()).slice(0, 4));
  const years = [first - 1, first, first + 1].map((year) => `${year}-${year + 1}`);
  return (
    <>
      <PageTitle>{m.calendarTitle}</PageTitle>
      <AdminSections />
      <p>{m.calendarIntro}</p>
      <div className="filters">
        <div>
          <label htmlFor="c-school">{m.chooseSchool}</label>
          <select id="c-school" value={schoolId} onChange={(e) => setSchoolId(e.target.value)}>
            {(schools ?? []).map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="c-year">{m.schoolYear}</label>
          <select id="c-year" value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
      <ErrorMessage problem={problem} />
      <section aria-labelledby="closures-title" className="card">
        <h2 id="closures-title">{fill(m.closures, { year: schoolYear })}</h2>
        {!closures && !problem && <Loading />}
        {closures && closures.length === 0 && <p>{m.noClosures}</p>}
        {closures && closures.length > 0 && (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{fill(m.closures, { year: schoolYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.studyDayName}</th>
                  <th scope="col">{m.kind}</th>
                  <th scope="col">{m.from}</th>
                  <th scope="col">{m.to}</th>
                  <th scope="col">{m.source}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {closures.map((closure) => (
                  <tr key={closure.id}>
                    <th scope="row">{closure.name}</th>
                    <td>{m.closureKinds[closure.kind]}</td>
                    <td>{formatDay(closure.startDate, lang)}</td>
                    <td>{formatDay(closure.endDate, lang)}</td>
                    <td>{m.sources[closure.source]}</td>
                    <td>
                      {closure.scope === 'school' && (
                        <button
                          type="button"
                          className="secondary"
                          aria-label={fill(m.removeClosure, { name: closure.name })}
                          onClick={() => void remove(closure.id)}
                        >
                          {m.remove}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <form className="card" onSubmit={(event) => void add(event)} aria-labelledby="add-closure-title">
        <h2 id="add-closure-title">{m.addStudyDay}</h2>
        <label htmlFor="c-name">{m.studyDayName}</label>
        <input id="c-name" required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <label htmlFor="c-start">{m.from}</label>
        <input
          id="c-start"
          type="date"
          required
          value={draft.startDate}
          onChange={(e) => setDraft({ ...draft, startDate: e.target.value })}
        />
        <label htmlFor="c-end">{m.to}</label>
        <input
          id="c-end"
          type="date"
          value={draft.endDate}
          onChange={(e) => setDraft({ ...draft, endDate: e.target.value })}
        />
        <p>
          <button type="submit" disabled={!schoolId}>
            {m.addStudyDay}
          </button>
        </p>
      </form>
      <p>
        <button type="button" className="secondary" onClick={() => void importHolidays()}>
          {m.importHolidays}
        </button>
      </p>
      <IcalImport
        school={(schools ?? []).find((school) => school.id === schoolId) ?? null}
        onImported={(text) => {
          setProblem(null);
          setNotice(text);
          void load();
        }}
      />
      <SchoolCalendarFeed
        school={(schools ?? []).find((school) => school.id === schoolId) ?? null}
        onSynced={() => void load()}
      />
    </>
  );
}

/**
 * Uploads a school's iCalendar file (`POST /schools/{id}/closures/import/ical`): the file's own
 * bytes as text/calendar, not a form, as the API reads them.
 */
function IcalImport({
  school,
  onImported,
}: {
  school: Schemas['SchoolResponse'] | null;
  onImported: (notice: string) => void;
}) {
  const { m } = useManageText();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!school) {
      return;
    }
    if (!file) {
      setProblem({ status: 400, code: 'validation_failed', detail: m.chooseFile });
      return;
    }
    setBusy(true);
    const response = await fetch(`/api/v1/schools/${encodeURIComponent(school.id)}/closures/import/ical`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'text/calendar' },
      body: file,
    });
    setBusy(false);
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      setProblem(null);
      onImported(fill(m.icalImported, { school: school.name, ...(body as Schemas['IcalImportResponse']) }));
    } else {
      setProblem(problemOf(body, response.status));
    }
  };

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="ical-title">
      <h2 id="ical-title">{m.icalTitle}</h2>
      <p>{m.icalIntro}</p>
      <label htmlFor="c-ical">{m.icalFile}</label>
      <input
        id="c-ical"
        type="file"
        accept=".ics,text/calendar"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <p>
        <button type="submit" disabled={busy || !school}>
          {m.icalImport}
        </button>
      </p>
      <ErrorMessage problem={problem} />
    </form>
  );
}
