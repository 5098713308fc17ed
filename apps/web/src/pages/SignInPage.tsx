import { useState, type FormEvent } from 'react';
import { api, problemOf, type Problem } from '../api/client';
import { useLang } from '../i18n';
import { ErrorMessage, PageTitle } from './common';

export function SignInPage() {
  const { t } = useLang();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const { error, response } = await api.POST('/api/v1/auth/login-link', { body: { email } });
    setBusy(false);
    if (response.status === 202) {
      setSent(true);
    } else {
      setProblem(
        response.status === 429
          ? { status: 429, code: 'rate_limited', detail: t.rateLimited }
          : problemOf(error, response.status),
      );
    }
  };

  return (
    <section className="narrow">
      <PageTitle>{t.signInTitle}</PageTitle>
      <p>{t.signInIntro}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="email">{t.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          {t.sendLink}
        </button>
      </form>
      <div aria-live="polite">{sent && <p className="notice">{t.linkSent}</p>}</div>
      <ErrorMessage problem={problem} />
    </section>
  );
}
