import { useEffect, useRef, useState, type ReactNode } from 'react';
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

/**
 * An action asked for twice, such as cancelling a meeting: the button, then the question with a
 * yes and a no. The question is announced (aria-live); focus moves to "yes" when it is asked and
 * back to the button after "no". `onConfirm` gets `close`, to call once the action succeeded.
 */
export function ConfirmedAction({
  label,
  question,
  yes,
  no,
  busy,
  onConfirm,
}: {
  label: string;
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  onConfirm: (close: () => void) => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const yesButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) {
      yesButton.current?.focus();
    }
  }, [asking]);

  const keep = () => {
    setAsking(false);
    setTimeout(() => askButton.current?.focus());
  };

  return (
    <>
      <div aria-live="polite">{asking && <p>{question}</p>}</div>
      {asking ? (
        <div className="toolbar">
          <button type="button" ref={yesButton} disabled={busy} onClick={() => void onConfirm(() => setAsking(false))}>
            {yes}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={keep}>
            {no}
          </button>
        </div>
      ) : (
        <button type="button" ref={askButton} className="secondary" onClick={() => setAsking(true)}>
          {label}
        </button>
      )}
    </>
  );
}
