import type { ReactNode } from 'react';
import { useLang } from '../i18n';

export function PageTitle({ children }: { children: ReactNode }) {
  // tabIndex -1: the app moves focus here after navigation.
  return (
    <h1 tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}

export function ErrorMessage({ problem }: { problem: { code: string; detail?: string } | null }) {
  const { t } = useLang();
  if (!problem) {
    return null;
  }
  return (
    <p role="alert" className="error">
      {t.error}: {problem.detail ?? problem.code}
    </p>
  );
}

export function Loading() {
  const { t } = useLang();
  return <p role="status">{t.loading}</p>;
}
