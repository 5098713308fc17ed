import { useEffect, useState } from 'react';
import { api, problemOf, type Problem, type Schemas } from '../api/client';
import { formatDate } from '../format';
import { fill, useLang } from '../i18n';
import { useFormsText } from './forms-i18n';
import { problemText, useIntervisionText } from './intervision-i18n';

type Status = Schemas['AttendanceItemDto']['status'];
const STATUSES: Status[] = ['present', 'excused', 'absent'];

type AttendanceLine = Schemas['IntervisionAttendanceLine'];
type Meeting = Schemas['MeetingResponse'];

/** An API problem of the intervision routes, in the reader's words (role="alert"). */
export function IntervisionError({ problem }: { problem: Problem | null }) {
  const { t } = useLang();
  const { iv } = useIntervisionText();
  if (!problem) {
    return null;
  }
  return (
    <p role="alert" className="error">
      {t.error}: {problemText(problem, iv)}
    </p>
  );
}

/**
 * A member's view: per meeting that has taken place, who was present, excused or absent, as the
 * facilitator recorded it (`GET /intervision/meetings/{id}/attendance`, which members may read).
 */
export function GroupAttendance({
  meetings,
  names,
  me,
}: {
  meetings: Meeting[];
  names: Map<string, string>;
  me: string;
}) {
  const { iv, lang } = useIntervisionText();
  const [lines, setLines] = useState<Record<string, AttendanceLine[]>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const ids = meetings.map((meeting) => meeting.id).join(',');

  useEffect(() => {
    if (!ids) {
      return;
    }
    void Promise.all(
      ids.split(',').map(async (id) => {
        const { data, error, response } = await api.GET('/api/v1/intervision/meetings/{id}/attendance', {
          params: { path: { id } },
        });
        return { id, items: data?.items, problem: data ? null : problemOf(error, response.status) };
      }),
    ).then((found) => {
      setLines(Object.fromEntries(found.flatMap(({ id, items }) => (items ? [[id, items] as const] : []))));
      setProblem(found.find((one) => one.problem)?.problem ?? null);
    });
  }, [ids]);

  return (
    <section aria-labelledby="attendance-title">
      <h2 id="attendance-title">{iv.attendanceTitle}</h2>
      <p className="muted">{iv.attendanceIntro}</p>
      <IntervisionError problem={problem} />
      {meetings.length === 0 && <p>{iv.noHeldMeetings}</p>}
      {meetings.map((meeting) => {
        const items = lines[meeting.id];
        if (!items) {
          return null;
        }
        return (
          <table key={meeting.id} className="member-attendance">
            <caption>{fill(iv.attendanceOf, { date: formatDate(meeting.start, lang) })}</caption>
            <thead>
              <tr>
                <th scope="col">{iv.member}</th>
                <th scope="col">{iv.status}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((line) => {
                const name = names.get(line.personId) ?? line.personId;
                return (
                  <tr key={line.personId}>
                    <th scope="row">{line.personId === me ? fill(iv.you, { name }) : name}</th>
                    <td>{iv.statuses[line.status ?? 'open']}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

/** The facilitator marks, for a meeting that has started, who was present, excused or absent. */
export function MeetingAttendance({
  meeting,
  names,
}: {
  meeting: Schemas['MeetingResponse'];
  names: Map<string, string>;
}) {
  const { f, lang } = useFormsText();
  const [lines, setLines] = useState<AttendanceLine[] | null>(null);
  const [marks, setMarks] = useState<Record<string, Status>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const show = (items: AttendanceLine[]) => {
    setLines(items);
    setMarks(Object.fromEntries(items.flatMap((line) => (line.status ? [[line.personId, line.status] as const] : []))));
  };

  useEffect(() => {
    void api
      .GET('/api/v1/intervision/meetings/{id}/attendance', { params: { path: { id: meeting.id } } })
      .then(({ data, error, response }) => {
        if (data) {
          show(data.items);
        } else {
          setProblem(problemOf(error, response.status));
        }
      });
  }, [meeting.id]);

  const save = async () => {
    setBusy(true);
    setSaved(false);
    const { data, error, response } = await api.PUT('/api/v1/intervision/meetings/{id}/attendance', {
      params: { path: { id: meeting.id } },
      body: { items: Object.entries(marks).map(([personId, status]) => ({ personId, status })) },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setSaved(true);
      show(data.items);
    } else {
      setProblem(problemOf(error, response.status));
    }
  };

  const recorded = lines ?? [];
  const count = (status: Status) => recorded.filter((line) => line.status === status).length;
  return (
    <details className="presenter attendance">
      <summary>
        {f.attendance}
        {lines && (
          <>
            {': '}
            {fill(f.attendanceSummary, {
              present: count('present'),
              excused: count('excused'),
              absent: count('absent'),
              open: recorded.filter((line) => line.status === null).length,
            })}
          </>
        )}
      </summary>
      <IntervisionError problem={problem} />
      {lines && lines.length === 0 && <p>{f.noInvitees}</p>}
      {lines && lines.length > 0 && (
        <fieldset className="attendance-marks">
          <legend>{fill(f.attendanceOf, { date: formatDate(meeting.start, lang) })}</legend>
          {lines.map((line) => {
            const name = names.get(line.personId) ?? line.personId;
            return (
              <fieldset key={line.personId} className="scale">
                <legend>{name}</legend>
                {STATUSES.map((status) => {
                  const id = `attendance-${meeting.id}-${line.personId}-${status}`;
                  return (
                    <span key={status} className="choice">
                      <input
                        type="radio"
                        id={id}
                        name={`attendance-${meeting.id}-${line.personId}`}
                        checked={marks[line.personId] === status}
                        onChange={() => setMarks({ ...marks, [line.personId]: status })}
                      />
                      <label htmlFor={id}>{f.status[status]}</label>
                    </span>
                  );
                })}
              </fieldset>
            );
          })}
          <button type="button" disabled={busy || Object.keys(marks).length === 0} onClick={() => void save()}>
            {f.saveAttendance}
          </button>
        </fieldset>
      )}
      <div aria-live="polite">{saved && <p className="notice">{f.attendanceSaved}</p>}</div>
    </details>
  );
}
