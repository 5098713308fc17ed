import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemOf, type Problem, type Schemas } from '../api/client';
import { fill } from '../i18n';
import { Link } from '../router';
import { AdminSections, FormProblem, isInvalid } from './AdminPages';
import { ErrorMessage, Loading, PageTitle } from './common';
import { useFormsText } from './forms-i18n';
import './coach-pages.css';

type Form = Schemas['FormResponse'];
interface DraftDomain {
  title: string;
  items: string[];
}

const MIN_STEPS = 2;
const MAX_STEPS = 10;
const MAX_DOMAINS = 20;
const MAX_ITEMS = 30;

/** The admin section link's label: a component, so the shared section list needs no extra hook. */
export function FormsNavLabel() {
  return <>{useFormsText().f.formsTitle}</>;
}

/** /beheer/formulieren: the observation forms (kijkwijzers), deactivated ones too; an admin adds one. */
export function FormsAdminPage() {
  const { f } = useFormsText();
  const [forms, setForms] = useState<Form[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    const { data, error, response } = await api.GET('/api/v1/coaching/forms', {
      params: { query: { includeInactive: 'true' } },
    });
    setForms(data ?? null);
    setProblem(data ? null : problemOf(error, response.status));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageTitle>{f.formsTitle}</PageTitle>
      <AdminSections />
      <p className="muted">{f.formsIntro}</p>
      <ErrorMessage problem={problem} />
      {!forms && !problem && <Loading />}
      {forms && forms.length === 0 && <p>{f.noForms}</p>}
      {forms && forms.length > 0 && (
        <div className="table-wrap card">
          <table>
            <caption className="sr-only">{f.formsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{f.formName}</th>
                <th scope="col">{f.domainsCount}</th>
                <th scope="col">{f.itemsCount}</th>
                <th scope="col">{f.scale}</th>
                <th scope="col">{f.formStatus}</th>
              </tr>
            </thead>
            <tbody>
              {forms.map((form) => (
                <tr key={form.id}>
                  <th scope="row">
                    <Link href={`/beheer/formulieren/${form.id}`}>{form.name}</Link>
                    {form.isDefault && (
                      <>
                        {' '}
                        <span className="tag">{f.isDefault}</span>
                      </>
                    )}
                  </th>
                  <td>{form.domains.length}</td>
                  <td>{form.domains.reduce((sum, domain) => sum + domain.items.length, 0)}</td>
                  <td>{form.scale.map((step) => step.label).join(' · ')}</td>
                  <td>
                    {form.active ? f.active : f.inactive}
                    {form.inUse && <> · {f.usedTag}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormEditor onSaved={load} />
    </>
  );
}

/** /beheer/formulieren/:id: one form, its scale and its domains with their items. */
export function FormAdminPage({ id }: { id: string }) {
  const { f } = useFormsText();
  const [form, setForm] = useState<Form | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    const { data, error, response } = await api.GET('/api/v1/coaching/forms/{id}', { params: { path: { id } } });
    setForm(data ?? null);
    setProblem(data ? null : problemOf(error, response.status));
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <p>
        <Link href="/beheer/formulieren">← {f.backToForms}</Link>
      </p>
      <PageTitle>{form ? form.name : f.formsTitle}</PageTitle>
      <AdminSections />
      <ErrorMessage problem={problem} />
      {!form && !problem && <Loading />}
      {form && (
        <>
          <p>
            {form.isDefault && (
              <>
                <span className="tag">{f.isDefault}</span>{' '}
              </>
            )}
            {f.formStatus}: {form.active ? f.active : f.inactive}
            {form.inUse && <> · {f.usedTag}</>}
          </p>
          <section aria-labelledby="form-scale-title" className="card">
            <h2 id="form-scale-title">{f.scale}</h2>
            <dl className="facts">
              {form.scale.map((step) => (
                <div key={step.value}>
                  <dt>{step.value}</dt>
                  <dd>{step.label}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="form-domains-title">
            <h2 id="form-domains-title">{f.domains}</h2>
            {form.domains.map((domain) => (
              <section key={domain.key} className="card" aria-labelledby={`domain-${domain.key}`}>
                <h3 id={`domain-${domain.key}`}>{domain.title}</h3>
                <ol>
                  {domain.items.map((item) => (
                    <li key={item.key}>{item.text}</li>
                  ))}
                </ol>
              </section>
            ))}
          </section>
          <FormEditor key={`${form.id}-${form.inUse}`} form={form} onSaved={load} />
          <ActiveSwitch form={form} onChanged={load} />
        </>
      )}
    </>
  );
}

/** Deactivates a form (off the list for new visits; its observations still show), or takes it back into use. */
function ActiveSwitch({ form, onChanged }: { form: Form; onChanged: () => Promise<void> }) {
  const { f } = useFormsText();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const change = async (active: boolean) => {
    setBusy(true);
    setNotice(null);
    const { data, error, response } = await api.PATCH('/api/v1/coaching/forms/{id}', {
      params: { path: { id: form.id } },
      body: { active },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setNotice(fill(active ? f.reactivated : f.deactivated, { name: data.name }));
      await onChanged();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <section aria-labelledby="form-active-title" className="card">
      <h2 id="form-active-title">{f.deactivateTitle}</h2>
      <p className="muted">{f.deactivateIntro}</p>
      {form.isDefault ? (
        <p>{f.defaultCannotDeactivate}</p>
      ) : (
        <button type="button" disabled={busy} onClick={() => void change(!form.active)}>
          {form.active ? f.deactivate : f.reactivate}
        </button>
      )}
      <div aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
      <FormProblem problem={problem} texts={f} />
    </section>
  );
}

const emptyDraft = () => ({
  name: '',
  scale: ['', '', '', ''],
  domains: [{ title: '', items: [''] }] as DraftDomain[],
});

/** An existing form as the editor's draft (scale values are positions 1..n, as the editor makes them). */
const draftOf = (form: Form) => ({
  name: form.name,
  scale: form.scale.map((step) => step.label),
  domains: form.domains.map((domain) => ({ title: domain.title, items: domain.items.map((item) => item.text) })),
});

/**
 * A new form (`form` absent: POST) or changes to one (PATCH): name, scale labels (value =
 * position), domains with their items. A form a visit uses only gets its name changed: the API
 * keeps its scale and items, so stored observations keep their meaning.
 */
function FormEditor({ form, onSaved }: { form?: Form; onSaved: () => Promise<void> }) {
  const { f } = useFormsText();
  const [draft, setDraft] = useState(() => (form ? draftOf(form) : emptyDraft()));
  const nameOnly = Boolean(form?.inUse);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const setDomain = (index: number, domain: DraftDomain) =>
    setDraft({ ...draft, domains: draft.domains.map((d, i) => (i === index ? domain : d)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(null);
    const body = {
      name: draft.name,
      scale: draft.scale.map((label, index) => ({ value: index + 1, label: label.trim() })),
      domains: draft.domains.map((domain, d) => ({
        key: `domain-${d + 1}`,
        title: domain.title.trim(),
        items: domain.items.map((text, i) => ({ key: `domain-${d + 1}-item-${i + 1}`, text: text.trim() })),
      })),
    };
    const { error, response } = form
      ? await api.PATCH('/api/v1/coaching/forms/{id}', {
          params: { path: { id: form.id } },
          body: nameOnly ? { name: draft.name } : body,
        })
      : await api.POST('/api/v1/coaching/forms', { body });
    setBusy(false);
    if (response.ok) {
      setProblem(null);
      setSaved(draft.name.trim());
      if (!form) {
        setDraft(emptyDraft());
      }
      await onSaved();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <section aria-labelledby="form-editor-title" className="card">
      <h2 id="form-editor-title">{form ? f.editForm : f.newForm}</h2>
      <p className="muted">{form ? (nameOnly ? f.usedNote : f.editFormIntro) : f.newFormIntro}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="form-name">{f.formName}</label>
        <input
          id="form-name"
          required
          maxLength={200}
          aria-invalid={isInvalid(problem, 'name') || undefined}
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
        {!nameOnly && (
          <>
            <fieldset>
              <legend>{f.scale}</legend>
              {draft.scale.map((label, index) => (
                <div key={index}>
                  <label htmlFor={`scale-${index}`}>{fill(f.scaleStep, { n: index + 1 })}</label>
                  <input
                    id={`scale-${index}`}
                    required
                    maxLength={60}
                    value={label}
                    onChange={(event) =>
                      setDraft({ ...draft, scale: draft.scale.map((l, i) => (i === index ? event.target.value : l)) })
                    }
                  />
                </div>
              ))}
              <div>
                <button
                  type="button"
                  className="secondary"
                  disabled={draft.scale.length >= MAX_STEPS}
                  onClick={() => setDraft({ ...draft, scale: [...draft.scale, ''] })}
                >
                  {f.addScaleStep}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={draft.scale.length <= MIN_STEPS}
                  onClick={() => setDraft({ ...draft, scale: draft.scale.slice(0, -1) })}
                >
                  {f.removeScaleStep}
                </button>
              </div>
            </fieldset>
            {draft.domains.map((domain, d) => {
              const n = d + 1;
              return (
                <fieldset key={d}>
                  <legend>{fill(f.domain, { n })}</legend>
                  <label htmlFor={`domain-${d}-title`}>{fill(f.domainTitle, { n })}</label>
                  <input
                    id={`domain-${d}-title`}
                    required
                    maxLength={200}
                    value={domain.title}
                    onChange={(event) => setDomain(d, { ...domain, title: event.target.value })}
                  />
                  {domain.items.map((text, i) => (
                    <div key={i}>
                      <label htmlFor={`domain-${d}-item-${i}`}>{fill(f.item, { n, m: i + 1 })}</label>
                      <input
                        id={`domain-${d}-item-${i}`}
                        required
                        maxLength={500}
                        value={text}
                        onChange={(event) =>
                          setDomain(d, {
                            ...domain,
                            items: domain.items.map((t, j) => (j === i ? event.target.value : t)),
                          })
                        }
                      />
                      {domain.items.length > 1 && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setDomain(d, { ...domain, items: domain.items.filter((_, j) => j !== i) })}
                        >
                          {fill(f.removeItem, { n, m: i + 1 })}
                        </button>
                      )}
                    </div>
                  ))}
                  <div>
                    <button
                      type="button"
                      className="secondary"
                      disabled={domain.items.length >= MAX_ITEMS}
                      onClick={() => setDomain(d, { ...domain, items: [...domain.items, ''] })}
                    >
                      {fill(f.addItem, { n })}
                    </button>
                    {draft.domains.length > 1 && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setDraft({ ...draft, domains: draft.domains.filter((_, j) => j !== d) })}
                      >
                        {fill(f.removeDomain, { n })}
                      </button>
                    )}
                  </div>
                </fieldset>
              );
            })}
            <div>
              <button
                type="button"
                className="secondary"
                disabled={draft.domains.length >= MAX_DOMAINS}
                onClick={() => setDraft({ ...draft, domains: [...draft.domains, { title: '', items: [''] }] })}
              >
                {f.addDomain}
              </button>
            </div>
          </>
        )}
        <div>
          <button type="submit" disabled={busy}>
            {form ? f.saveChanges : f.saveForm}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {saved && <p className="notice">{fill(form ? f.formUpdated : f.formSaved, { name: saved })}</p>}
      </div>
      <FormProblem problem={problem} texts={f} />
    </section>
  );
}
