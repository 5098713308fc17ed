import { useState, type FormEvent } from 'react';
import { api, problemOf, type Person, type Problem } from '../api/client';
import { useLang, type Lang } from '../i18n';
import { ErrorMessage, PageTitle } from './common';

export function SettingsPage({ me, reloadMe }: { me: Person; reloadMe: () => Promise<void> }) {
  const { t, setLang } = useLang();
  const [reminders, setReminders] = useState(me.remindersEnabled);
  const [language, setLanguage] = useState<Lang>(me.language);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { error, response } = await api.PATCH('/api/v1/me', { body: { remindersEnabled: reminders, language } });
    if (response.ok) {
      setProblem(null);
      setSaved(true);
      setLang(language);
      await reloadMe();
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  return (
    <>
      <PageTitle>{t.settings}</PageTitle>
      <form className="card narrow" onSubmit={(event) => void save(event)}>
        <fieldset>
          <legend>{t.notifications}</legend>
          <div className="checkbox">
            <input
              id="reminders"
              type="checkbox"
              checked={reminders}
              onChange={(event) => setReminders(event.target.checked)}
              aria-describedby="reminders-hint"
            />
            <label htmlFor="reminders">{t.remindersLabel}</label>
          </div>
          <p id="reminders-hint" className="muted">
            {t.remindersHint}
          </p>
        </fieldset>
        <label htmlFor="language">{t.languageLabel}</label>
        <select id="language" value={language} onChange={(event) => setLanguage(event.target.value as Lang)}>
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>
        <button type="submit">{t.save}</button>
        <p aria-live="polite">{saved ? t.saved : ''}</p>
        <ErrorMessage problem={problem} />
      </form>
    </>
  );
}
