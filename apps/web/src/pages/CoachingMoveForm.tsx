import { useEffect, useState, type FormEvent } from 'react';
import { api, problemOf, type Problem, type Schemas } from '../api/client';
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

/** Where an appointment takes place: a school (with a room), an online link, or both. */
export interface Place {
  schoolId: string | null;
  room: string;
  onlineUrl: string | null;
}

/**
 * What the move endpoints take: the new times, the version seen, the working-hours override, and
 * the place (sent as the form shows it; the API changes only what differs).
 */
export interface MoveBody {
  start: string;
  end: string;
  version: number;
  allowOutsideWorkingHours?: boolean;
  schoolId?: string | null;
  room?: string;
  onlineUrl?: string | null;
}

let schoolList: Promise<Schemas['SchoolResponse'][]> | null = null;
const extraSchools = new Map<string, Promise<Schemas['SchoolResponse'] | null>>();

/**
 * The schools to choose a place from (`GET /schools`, shared reference data, read once per page
 * load), plus any of `ids` (the current places) the first page of that list leaves out.
 */
export function useSchoolList(ids: ReadonlyArray<string | null> = []): Schemas['SchoolResponse'][] {
  const [schools, setSchools] = useState<Schemas['SchoolResponse'][]>([]);
  const wanted = ids.filter((id): id is string => Boolean(id)).join(',');
  useEffect(() => {
    schoolList ??= api
      .GET('/api/v1/schools', { params: { query: { limit: 200 } } })
      .then(({ data }) => data?.items ?? [])
      .catch(() => []);
    let live = true;
    void schoolList.then(async (items) => {
      const missing = wanted.split(',').filter((id) => id && !items.some((school) => school.id === id));
      const extra = await Promise.all(
        missing.map((id) => {
          if (!extraSchools.has(id)) {
            extraSchools.set(
              id,
              api
                .GET('/api/v1/schools/{id}', { params: { path: { id } } })
                .then(({ data }) => data ?? null)
                .catch(() => null),
            );
          }
          return extraSchools.get(id)!;
        }),
      );
      if (live) {
        setSchools([...extra.filter((school): school is Schemas['SchoolResponse'] => school !== null), ...items]);
      }
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  return schools;
}

/** A place in words: "obs De Wilgen, Lokaal 12", or the online link. */
export function placeText(place: Place, schools: Schemas['SchoolResponse'][]): string {
  const school = place.schoolId ? (schools.find((candidate) => candidate.id === place.schoolId)?.name ?? '') : '';
  const where = [school, place.room].filter(Boolean).join(', ');
  return [where, place.onlineUrl ?? ''].filter(Boolean).join(' + ');
}

/**
 * A form that moves one appointment to a new date and start and end time (the end sets the
 * length), in Amsterdam time, and to a new place: school and room, or an online link (prefilled
 * with the current place; `fixedSchool`: only the room may change, for the lesson of a visit). `move` calls the API; after a success `onMoved` gets the message
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
  place,
  fixedSchool = false,
  otherName,
  move,
  onMoved,
}: {
  idPrefix: string;
  title: string;
  start: string;
  end: string;
  version: number;
  place: Place;
  fixedSchool?: boolean;
  otherName: string;
  move: (body: MoveBody) => Promise<{ error?: unknown; response: Response }>;
  onMoved: (message: string) => Promise<void>;
}) {
  const { c, lang } = useCoachText();
  const [date, setDate] = useState(amsterdamParts(start).date);
  const [from, setFrom] = useState(amsterdamParts(start).time);
  const [until, setUntil] = useState(amsterdamParts(end).time);
  const [outside, setOutside] = useState(false);
  const schools = useSchoolList([place.schoolId]);
  const [schoolId, setSchoolId] = useState(place.schoolId ?? '');
  const [room, setRoom] = useState(place.room);
  const [onlineUrl, setOnlineUrl] = useState(place.onlineUrl ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const next: Place = fixedSchool
      ? { ...place, room: room.trim() }
      : { schoolId: schoolId || null, room: schoolId ? room.trim() : '', onlineUrl: onlineUrl.trim() || null };
    const body: MoveBody = {
      start: amsterdamInstant(date, from),
      end: amsterdamInstant(date, until),
      version,
      ...(fixedSchool ? { room: next.room } : next),
    };
    if (outside) {
      body.allowOutsideWorkingHours = true;
    }
    const result = await move(body);
    setBusy(false);
    if (result.response.ok) {
      setProblem(null);
      const when = `${formatDate(body.start, lang)}, ${formatTimeRange(body.start, body.end, lang)}`;
      const samePlace =
        next.schoolId === place.schoolId && next.room === place.room && next.onlineUrl === place.onlineUrl;
      await onMoved(samePlace ? fill(c.moved, { when }) : fill(c.movedTo, { when, place: placeText(next, schools) }));
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
        {fixedSchool ? (
          <p className="muted">{fill(c.placeFixed, { school: placeText({ ...place, room: '' }, schools) })}</p>
        ) : (
          <>
            <label htmlFor={id('school')}>{c.newSchool}</label>
            <select id={id('school')} value={schoolId} onChange={(e) => setSchoolId(e.target.value)}>
              {place.schoolId && !schools.some((school) => school.id === place.schoolId) && (
                <option value={place.schoolId}>{c.currentSchool}</option>
              )}
              {schools.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
              <option value="">{c.noSchoolOnline}</option>
            </select>
          </>
        )}
        {(fixedSchool || schoolId) && (
          <>
            <label htmlFor={id('room')}>{c.newRoom}</label>
            <input id={id('room')} maxLength={100} value={room} onChange={(e) => setRoom(e.target.value)} />
          </>
        )}
        {!fixedSchool && (
          <>
            <label htmlFor={id('online')}>{c.newOnlineUrl}</label>
            <input
              id={id('online')}
              type="url"
              required={!schoolId}
              maxLength={500}
              pattern="https://.*"
              aria-describedby={id('online-hint')}
              value={onlineUrl}
              onChange={(e) => setOnlineUrl(e.target.value)}
            />
            <p id={id('online-hint')} className="muted">
              {c.onlineUrlHint}
            </p>
          </>
        )}
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
