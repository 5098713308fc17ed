import { useEffect, useState } from 'react';
import { api, problemOf, type Problem, type Schemas } from '../api/client';
import { formatDate } from '../format';
import { fill } from '../i18n';
import { ErrorMessage } from './common';
import { useFormsText } from './forms-i18n';

type Status = Schemas['AttendanceItemDto']['status'];
const STATUSES: Status[] = ['present', 'excused', 'absent'];

type AttendanceLine = Schemas['IntervisionAttendanceLine'];

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
      <ErrorMessage problem={problem} />
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
