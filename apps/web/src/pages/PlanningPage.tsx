import { useEffect, useState } from 'react';
import { api, problemOf, type Problem, type Schemas } from '../api/client';
import { formatDate, formatTimeRange, todayInAmsterdam } from '../format';
import { fill } from '../i18n';
import { ErrorMessage, Loading, PageTitle } from './common';
import { useManageText } from './manage-i18n';
import { schoolYearOf } from './ThemeMeetingPages';

/** /planning: a director's schools at a glance (admins: every school). */
export function PlanningPage() {
  const { m } = useManageText();
  return (
    <>
      <PageTitle>{m.planning}</PageTitle>
      <p>{m.planningIntro}</p>
      <CoachingPlanning />
      <ThemeAttendance />
    </>
  );
}

function CoachingPlanning() {
  const { t, m, lang } = useManageText();
  const [planning, setPlanning] = useState<Schemas['PlanningResponse'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api
      .GET('/api/v1/overviews/planning', { params: { query: { days: 28 } } })
      .then(({ data, error, response }) => {
        setPlanning(data ?? null);
        setProblem(data ? null : problemOf(error, response.status));
      });
  }, []);

  return (
    <>
      <section aria-labelledby="who-title" className="card">
        <h2 id="who-title">{m.whoCoachesWhom}</h2>
        <ErrorMessage problem={problem} />
        {!planning && !problem && <Loading />}
        {planning && planning.trajectories.length === 0 && <p>{m.noTrajectoriesHere}</p>}
        {planning && planning.trajectories.length > 0 && (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{m.whoCoachesWhom}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.school}</th>
                  <th scope="col">{t.coach}</th>
                  <th scope="col">{m.coachee}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{m.progress}</th>
                </tr>
              </thead>
              <tbody>
                {planning.trajectories.map((line) => (
                  <tr key={line.id}>
                    <td>{line.schoolName}</td>
                    <td>{line.coachName}</td>
                    <td>{line.coacheeName}</td>
                    <td>{t.trajectoryStatus[line.status]}</td>
                    <td>{fill(m.heldOf, { n: line.sessionsHeld, of: line.plannedSessions })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="upcoming-title" className="card">
        <h2 id="upcoming-title">{m.upcoming}</h2>
        {planning && planning.upcoming.length === 0 && <p>{m.noUpcoming}</p>}
        {planning && planning.upcoming.length > 0 && (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{m.upcoming}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.date}</th>
                  <th scope="col">{m.what}</th>
                  <th scope="col">{t.school}</th>
                  <th scope="col">{t.coach}</th>
                  <th scope="col">{m.with}</th>
                </tr>
              </thead>
              <tbody>
                {planning.upcoming.map((line, index) => (
                  <tr key={`${line.start}-${index}`}>
                    <td>
                      {formatDate(line.start, lang)}, {formatTimeRange(line.start, line.end, lang)}
                    </td>
                    <td>{m.upcomingKinds[line.kind]}</td>
                    <td>{line.schoolName}</td>
                    <td>{line.coachName}</td>
                    <td>{line.personName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The school years around today, latest first. */
function schoolYears(): string[] {
  const current = Number(schoolYearOf(todayInAmsterdam()).slice(0, 4));
  return [current + 1, current, current - 1, current - 2].map((year) => `${year}-${year + 1}`);
}

function ThemeAttendance() {
  const { t, m, lang } = useManageText();
  const [schoolYear, setSchoolYear] = useState(schoolYearOf(todayInAmsterdam()));
  const [report, setReport] = useState<Schemas['ThemeAttendanceResponse'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    let stale = false;
    setReport(null);
    void api
      .GET('/api/v1/overviews/theme-attendance', { params: { query: { schoolYear } } })
      .then(({ data, error, response }) => {
        if (!stale) {
          setReport(data ?? null);
          setProblem(data ? null : problemOf(error, response.status));
        }
      });
    return () => {
      stale = true;
    };
  }, [schoolYear]);

  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="attendance-title" className="card">
      <h2 id="attendance-title">{m.themeAttendance}</h2>
      <label htmlFor="a-year">{m.schoolYear}</label>
      <select id="a-year" value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)}>
        {schoolYears().map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
      <ErrorMessage problem={problem} />
      {!report && !problem && <Loading />}
      {report && report.items.length === 0 && <p>{m.noAttendance}</p>}
      {report && report.items.length > 0 && (
        <>
          <AttendanceChart items={report.items} label={`${m.themeAttendance}, ${report.schoolYear}`} />
          <p className="muted">{m.chartLegend}</p>
          <details>
            <summary>{t.asTable}</summary>
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{`${m.themeAttendance}, ${report.schoolYear}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.school}</th>
                    <th scope="col">{m.registered}</th>
                    <th scope="col">{m.attended}</th>
                    <th scope="col">{m.hours}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.items.map((line) => (
                    <tr key={line.schoolId}>
                      <th scope="row">{line.schoolName}</th>
                      <td>{line.registered}</td>
                      <td>{line.attended}</td>
                      <td>{number.format(line.hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

/** Horizontal bars per school: signed up (dark) and attended (light); the table holds the same figures. */
function AttendanceChart({ items, label }: { items: Schemas['ThemeAttendanceLine'][]; label: string }) {
  const { m } = useManageText();
  const nameWidth = 180;
  const barArea = 300;
  const rowHeight = 44;
  const width = nameWidth + barArea + 60;
  const height = items.length * rowHeight + 8;
  const max = Math.max(1, ...items.map((line) => line.registered));
  const summary = items
    .map(
      (line) =>
        `${line.schoolName}: ${m.registered.toLowerCase()} ${line.registered}, ${m.attended.toLowerCase()} ${line.attended}`,
    )
    .join('; ');
  return (
    <div className="table-wrap">
      <svg
        className="chart"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${label}. ${summary}`}
      >
        {items.map((line, index) => {
          const y = index * rowHeight + 4;
          const registered = (barArea * line.registered) / max;
          const attended = (barArea * line.attended) / max;
          const name = line.schoolName.length > 24 ? `${line.schoolName.slice(0, 23)}…` : line.schoolName;
          return (
            <g key={line.schoolId}>
              <text x={nameWidth - 8} y={y + 22} textAnchor="end" fontSize="13" fill="#1b1f24">
                {name}
              </text>
              <rect x={nameWidth} y={y + 2} width={registered} height={16} fill="#1f5f8b" />
              <text x={nameWidth + registered + 6} y={y + 15} fontSize="12" fill="#1b1f24">
                {line.registered}
              </text>
              <rect x={nameWidth} y={y + 20} width={attended} height={16} fill="#7fb2d6" />
              <text x={nameWidth + attended + 6} y={y + 33} fontSize="12" fill="#1b1f24">
                {line.attended}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
