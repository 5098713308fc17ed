import { useState, type FormEvent } from 'react';
import { problemOf, type Problem } from '../api/client';
import { amsterdamMidnight, formatDate, formatTimeRange, todayInAmsterdam, ZONE } from '../format';
import { fill } from '../i18n';
import { useCoachText } from './coach-i18n';
import { ErrorMessage } from './common';

/** A wall-clock time on a date in Amsterdam as an instant with its offset. */
export function amsterdamInstant(date: string, time: string): string {
  return `${date}T${time}:00${amsterdamMidnight(date).slice(19)}`;
}

/** The date (YYYY-MM-DD) and wall-clock time (HH:MM) in Amsterdam of an instant. */
export function amsterdamParts(iso: string): { date: string; time: string } {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
  return { date: todayInAmsterdam(new Date(iso)), time };
}

/** What the move endpoints take: the new times, the version seen, and the working-hours override. */
export interface MoveBody {
  start: string;
  end: string;
  version: number;
  allowOutsideWorkingHours?: boolean;
}

/**
 * A form that moves one appointment to a new date and start and end time (the end sets the
 * length), in Amsterdam time. `move` calls the API; after a success `onMoved` gets the message
 * to announce (the caller's live region: this form is re-created with the new times, keyed by
 * the version) and reloads the page's data. Used for a coaching session and for the three parts of
 * a classroom visit (`PATCH /coaching/sessions/{id}`, `PATCH /coaching/visits/{id}/appointments/{part}`).
 */
export function MoveForm({
  idPrefix,
  title,
  start,
  end,
  version,
  otherName,
  move,
  onMoved,
}: {
  idPrefix: string;
  title: string;
  start: string;
  end: string;
  version: number;
  otherName: string;
  move: (body: MoveBody) => Promise<{ error?: unknown; response: Response }>;
  onMoved: (message: string) => Promise<void>;
}) {
  const { c, lang } = useCoachText();
  const [date, setDate] = useState(amsterdamParts(start).date);
  const [from, setFrom] = useState(amsterdamParts(start).time);
  const [until, setUntil] = useState(amsterdamParts(end).time);
  const [outside, setOutside] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: MoveBody = { start: amsterdamInstant(date, from), end: amsterdamInstant(date, until), version };
    if (outside) {
      body.allowOutsideWorkingHours = true;
    }
    const result = await move(body);
    setBusy(false);
    if (result.response.ok) {
      setProblem(null);
      await onMoved(
        fill(c.moved, { when: `${formatDate(body.start, lang)}, ${formatTimeRange(body.start, body.end, lang)}` }),
      );
    } else {
      setProblem(problemOf(result.error, result.response.status));
    }
  };

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <details className="card move">
      <summary>{title}</summary>
      <form onSubmit={(event) => void submit(event)} aria-describedby={id('hint')}>
        <p id={id('hint')} className="muted">
          {fill(c.moveHint, { name: otherName })}
        </p>
        <label htmlFor={id('date')}>{c.newDate}</label>
        <input id={id('date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <label htmlFor={id('start')}>{c.newStart}</label>
        <input
          id={id('start')}
          type="time"
          required
          step={300}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <label htmlFor={id('end')}>{c.newEnd}</label>
        <input
          id={id('end')}
          type="time"
          required
          step={300}
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
        <div className="checkbox">
          <input id={id('outside')} type="checkbox" checked={outside} onChange={(e) => setOutside(e.target.checked)} />
          <label htmlFor={id('outside')}>{c.outsideWorkingHours}</label>
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {c.moveSubmit}
          </button>
        </p>
        <ErrorMessage problem={problem} />
      </form>
    </details>
  );
}
