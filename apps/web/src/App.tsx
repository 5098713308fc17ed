import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type Person } from './api/client';
import { dictionaries, fill, LangProvider, useLang, type Lang, type LangState } from './i18n';
import { AdminPage } from './pages/AdminPage';
import { PeopleAdminPage, SchoolCalendarPage, SchoolsAdminPage, StaffImportPage } from './pages/AdminPages';
import { FormAdminPage, FormsAdminPage } from './pages/FormsAdminPages';
import { manageText } from './pages/manage-i18n';
import { NewMeetingPage, OrganisedMeetingsPage, OrganiserMeetingPage } from './pages/OrganiserPages';
import { PlanningPage } from './pages/PlanningPage';
import { AgendaPage } from './pages/AgendaPage';
import { CheckInPage } from './pages/CheckInPage';
import { ReportsPage } from './pages/ReportsPage';
import { CheckInPosterPage } from './pages/CheckInPoster';
import { CoachingPage, TrajectoryPage } from './pages/CoachingPages';
import { coachTexts } from './pages/coach-i18n';
import { IntervisionGroupPage, IntervisionGroupsPage } from './pages/IntervisionPages';
import { ObservationHistoryPage } from './pages/ObservationHistoryPage';
import { VisitPage, VisitsPage } from './pages/VisitPages';
import { SettingsPage } from './pages/SettingsPage';
import { SignInPage } from './pages/SignInPage';
import { ThemeMeetingPage, ThemeMeetingsPage } from './pages/ThemeMeetingPages';
import { Link, usePath } from './router';

const LANG_KEY = 'leerkring.lang';

function initialLang(): Lang {
  return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
}

type Session = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; me: Person };

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const path = usePath();
  const mainRef = useRef<HTMLElement>(null);

  const loadMe = useCallback(async () => {
    const { data } = await api.GET('/api/v1/me');
    setSession(data ? { state: 'signed-in', me: data } : { state: 'signed-out' });
    if (data && !window.localStorage.getItem(LANG_KEY)) {
      setLangState(data.language);
    }
  }, []);

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Move focus to the new page's heading after navigation, so screen readers announce it.
  useEffect(() => {
    mainRef.current?.querySelector('h1')?.focus();
  }, [path, session.state]);

  const langState: LangState = useMemo(
    () => ({
      lang,
      t: dictionaries[lang],
      setLang: (next: Lang) => {
        window.localStorage.setItem(LANG_KEY, next);
        setLangState(next);
      },
    }),
    [lang],
  );
  const t = langState.t;

  const signOut = async () => {
    await api.POST('/api/v1/auth/logout');
    setSession({ state: 'signed-out' });
  };

  const me = session.state === 'signed-in' ? session.me : null;
  const isCoach = me?.roles.includes('coach') ?? false;
  const isAdmin = me?.roles.includes('admin') ?? false;
  const links = me
    ? [
        { href: '/', label: t.agenda },
        { href: '/themabijeenkomsten', label: t.themeMeetings },
        { href: '/begeleiding', label: t.coaching },
        { href: '/klassenbezoeken', label: coachTexts[lang].visits },
        { href: '/intervisie', label: coachTexts[lang].intervision },
        { href: '/instellingen', label: t.settings },
        ...(isAdmin || me.roles.includes('director') ? [{ href: '/rapportage', label: t.reports }] : []),
        ...(isCoach || isAdmin ? [{ href: '/organiseren', label: manageText(lang).organise }] : []),
        ...(isAdmin || me.roles.includes('director') ? [{ href: '/planning', label: manageText(lang).planning }] : []),
        ...(isAdmin ? [{ href: '/beheer', label: t.admin }] : []),
      ]
    : [];
  const current = (href: string) => (href === '/' ? path === '/' : path.startsWith(href));

  return (
    <LangProvider value={langState}>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link href="/">{t.appName}</Link>
        </div>
        {me && (
          <nav aria-label={t.mainMenu}>
            <ul>
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} aria-current={current(link.href) ? 'page' : undefined}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="header-actions">
          <button
            type="button"
            className="link-button"
            lang={lang === 'nl' ? 'en' : 'nl'}
            onClick={() => langState.setLang(lang === 'nl' ? 'en' : 'nl')}
          >
            {t.switchLanguage}
          </button>
          {me && (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t.signOut}
            </button>
          )}
        </div>
      </header>
      <main id="main" ref={mainRef}>
        {session.state === 'loading' && <p role="status">{t.loading}</p>}
        {session.state === 'signed-out' && <SignInPage />}
        {me && (
          <>
            <p className="hello">{fill(t.hello, { name: me.displayName })}</p>
            <Page path={path} me={me} isCoach={isCoach} reloadMe={loadMe} />
          </>
        )}
      </main>
    </LangProvider>
  );
}

function Page({
  path,
  me,
  isCoach,
  reloadMe,
}: {
  path: string;
  me: Person;
  isCoach: boolean;
  reloadMe: () => Promise<void>;
}) {
  const segments = path.split('/').filter(Boolean);
  switch (segments[0]) {
    case undefined:
    case 'agenda':
      return <AgendaPage me={me} />;
    case 'themabijeenkomsten':
      if (segments[1] && segments[2] === 'inchecken') {
        return <CheckInPage id={segments[1]} />;
      }
      return segments[1] ? <ThemeMeetingPage id={segments[1]} /> : <ThemeMeetingsPage />;
    case 'begeleiding':
      return segments[1] ? <TrajectoryPage id={segments[1]} me={me} /> : <CoachingPage me={me} isCoach={isCoach} />;
    case 'klassenbezoeken':
      if (segments[1] === 'observaties') {
        return <ObservationHistoryPage me={me} />;
      }
      return segments[1] ? <VisitPage id={segments[1]} me={me} /> : <VisitsPage me={me} />;
    case 'intervisie':
      return segments[1] ? <IntervisionGroupPage id={segments[1]} me={me} /> : <IntervisionGroupsPage me={me} />;
    case 'instellingen':
      return <SettingsPage me={me} reloadMe={reloadMe} />;
    case 'beheer':
      return <AdminRoutes section={segments[1]} id={segments[2]} />;
    case 'organiseren':
      return segments[1] === 'nieuw' ? (
        <NewMeetingPage />
      ) : segments[1] && segments[2] === 'qr-code' ? (
        <CheckInPosterPage id={segments[1]} />
      ) : segments[1] ? (
        <OrganiserMeetingPage id={segments[1]} />
      ) : (
        <OrganisedMeetingsPage />
      );
    case 'planning':
      return <PlanningPage />;
    case 'rapportage':
      return <ReportsPage />;
    default:
      return <NotFound />;
  }
}

function AdminRoutes({ section, id }: { section: string | undefined; id: string | undefined }) {
  switch (section) {
    case undefined:
      return <AdminPage />;
    case 'scholen':
      return <SchoolsAdminPage />;
    case 'personen':
      return <PeopleAdminPage />;
    case 'import':
      return <StaffImportPage />;
    case 'kalender':
      return <SchoolCalendarPage />;
    case 'formulieren':
      return id ? <FormAdminPage id={id} /> : <FormsAdminPage />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useLang();
  return (
    <h1 tabIndex={-1} className="page-title">
      {t.notFound}
    </h1>
  );
}
