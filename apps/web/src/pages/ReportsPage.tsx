import { useEffect, useState } from 'react';
import { api, problemOf, type Problem } from '../api/client';
import { useLang, type Lang } from '../i18n';
import { ErrorMessage, Loading, PageTitle } from './common';

/**
 * GET /api/v1/coaching/reports/sessions answers JSON or CSV, so its OpenAPI entry has no response
 * schema; this is the JSON line (libs/coaching SessionReportLine).
 */
interface SessionReportLine {
  month: string;
  schoolId: string;
  schoolName: string;
  coachName: string;
  sessions: number;
  held: number;
  hours: number;
}

interface MonthTotal {
  month: string;
  sessions: number;
  hours: number;
}

function monthLabel(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'UTC',
    month: 'short',
    year: '2-digit',
  }).format(new Date(`${month}-15T12:00:00Z`));
}

const formatNumber = (value: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(value);

export function ReportsPage() {
  const { t, lang } = useLang();
  const [lines, setLines] = useState<SessionReportLine[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/coaching/reports/sessions').then(({ data, error, response }) => {
      const items = (data as { items?: SessionReportLine[] } | undefined)?.items;
      setLines(items ?? null);
      setProblem(items ? null : problemOf(error, response.status));
    });
  }, []);

  const totals = new Map<string, MonthTotal>();
  for (const line of lines ?? []) {
    const total = totals.get(line.month) ?? { month: line.month, sessions: 0, hours: 0 };
    total.sessions += line.sessions;
    total.hours += line.hours;
    totals.set(line.month, total);
  }
  const months = [...totals.values()].sort((a, b) => (a.month < b.month ? -1 : 1));

  return (
    <>
      <PageTitle>{t.reports}</PageTitle>
      <ErrorMessage problem={problem} />
      {!lines && !problem && <Loading />}
      {lines && lines.length === 0 && <p>{t.noReportData}</p>}
      {months.length > 0 && (
        <section aria-labelledby="chart-title" className="card">
          <h2 id="chart-title">{t.sessionsPerMonth}</h2>
          <BarChart months={months} lang={lang} label={t.sessionsPerMonth} />
          <details>
            <summary>{t.asTable}</summary>
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t.sessionsPerMonth}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.month}</th>
                    <th scope="col">{t.school}</th>
                    <th scope="col">{t.coach}</th>
                    <th scope="col">{t.coachingSessions}</th>
                    <th scope="col">{t.held}</th>
                    <th scope="col">{t.hoursLabel}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines!.map((line) => (
                    <tr key={`${line.month}-${line.schoolId}-${line.coachName}`}>
                      <td>{monthLabel(line.month, lang)}</td>
                      <td>{line.schoolName}</td>
                      <td>{line.coachName}</td>
                      <td>{line.sessions}</td>
                      <td>{line.held}</td>
                      <td>{formatNumber(line.hours, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <p>
            <a href="/api/v1/coaching/reports/sessions?format=csv">{t.downloadCsv}</a>
          </p>
        </section>
      )}
    </>
  );
}

/** Sessions per month as bars, the hours written above each; the table below holds the same figures. */
function BarChart({ months, lang, label }: { months: MonthTotal[]; lang: Lang; label: string }) {
  const { t } = useLang();
  const width = Math.max(320, months.length * 64);
  const height = 220;
  const top = 24;
  const bottom = 32;
  const max = Math.max(...months.map((m) => m.sessions), 1);
  const barWidth = 40;
  const summary = months.map((m) => `${monthLabel(m.month, lang)}: ${m.sessions}`).join(', ');
  return (
    <svg
      className="chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}. ${summary}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <line x1="0" y1={height - bottom} x2={width} y2={height - bottom} stroke="#4a5560" />
      {months.map((m, index) => {
        const barHeight = ((height - top - bottom) * m.sessions) / max;
        const x = index * 64 + 12;
        const y = height - bottom - barHeight;
        return (
          <g key={m.month}>
            <rect x={x} y={y} width={barWidth} height={barHeight} fill="#1f5f8b" />
            <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" fontSize="12" fill="#1b1f24">
              {m.sessions} ({formatNumber(m.hours, lang)} {t.hoursShort})
            </text>
            <text x={x + barWidth / 2} y={height - 10} textAnchor="middle" fontSize="12" fill="#1b1f24">
              {monthLabel(m.month, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
