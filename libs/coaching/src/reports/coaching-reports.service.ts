import { Injectable } from '@nestjs/common';
import { ApiException } from '@leerkring/core';
import { AMSTERDAM, addDays, dateInZone, displayName, instantAtWallClock, schoolsOf, type Actor } from '@leerkring/people';
import { forbidden } from '../coaching-context';
import type { ReportQuery } from '../coaching.dto';
import { CoachingRepository } from '../coaching.repository';

export interface SessionReportLine {
  month: string;
  schoolId: string;
  schoolName: string;
  coachPersonId: string;
  coachName: string;
  sessions: number;
  held: number;
  hours: number;
}

export interface VisitReportLine {
  month: string;
  schoolId: string;
  schoolName: string;
  visits: number;
}

/**
 * Aggregates for directors (their own schools) and admins (every school): counts and hours,
 * never a note, an agreement, a question or an observation. Months are Amsterdam calendar months.
 */
@Injectable()
export class CoachingReports {
  constructor(private readonly repository: CoachingRepository) {}

  async sessions(actor: Actor, query: ReportQuery): Promise<{ items: SessionReportLine[] }> {
    const { schools, from, to } = this.scope(actor, query);
    const rows = await this.repository.sessionReportRows(schools, from, to);
    const coaches = new Map(
      (await this.repository.peopleByIds(rows.map((row) => row.coachPersonId))).map((person) => [
        person.id,
        displayName(person),
      ]),
    );
    const lines = new Map<string, SessionReportLine>();
    for (const row of rows) {
      const month = dateInZone(row.startsAt, AMSTERDAM).slice(0, 7);
      const key = `${month}|${row.schoolId}|${row.coachPersonId}`;
      const line = lines.get(key) ?? {
        month,
        schoolId: row.schoolId,
        schoolName: row.schoolName,
        coachPersonId: row.coachPersonId,
        coachName: coaches.get(row.coachPersonId) ?? '',
        sessions: 0,
        held: 0,
        hours: 0,
      };
      line.sessions += 1;
      line.held += row.status === 'held' ? 1 : 0;
      line.hours += (row.endsAt.getTime() - row.startsAt.getTime()) / 3_600_000;
      lines.set(key, line);
    }
    return {
      items: [...lines.values()]
        .map((line) => ({ ...line, hours: Math.round(line.hours * 100) / 100 }))
        .sort((a, b) => compare(a.month, b.month) || compare(a.schoolName, b.schoolName) || compare(a.coachName, b.coachName)),
    };
  }

  async visits(actor: Actor, query: ReportQuery): Promise<{ items: VisitReportLine[] }> {
    const { schools, from, to } = this.scope(actor, query);
    const rows = await this.repository.visitReportRows(schools, from, to);
    const lines = new Map<string, VisitReportLine>();
    for (const row of rows) {
      const month = dateInZone(row.startsAt, AMSTERDAM).slice(0, 7);
      const key = `${month}|${row.schoolId}`;
      const line = lines.get(key) ?? { month, schoolId: row.schoolId, schoolName: row.schoolName, visits: 0 };
      line.visits += 1;
      lines.set(key, line);
    }
    return {
      items: [...lines.values()].sort((a, b) => compare(a.month, b.month) || compare(a.schoolName, b.schoolName)),
    };
  }

  private scope(actor: Actor, query: ReportQuery): { schools: string[] | null; from: Date; to: Date } {
    const directed = schoolsOf(actor, 'director');
    if (!actor.isAdmin && directed.length === 0) {
      throw forbidden('Reports are for directors and admins');
    }
    const today = dateInZone(new Date(), AMSTERDAM);
    const fromDate = query.from ?? addDays(today, -365);
    const toDate = query.to ?? addDays(today, 365);
    if (toDate < fromDate) {
      throw ApiException.validation([{ field: 'to', messages: ['to must not be before from'] }]);
    }
    return {
      schools: actor.isAdmin ? null : directed,
      from: instantAtWallClock(fromDate, 0, AMSTERDAM),
      to: instantAtWallClock(addDays(toDate, 1), 0, AMSTERDAM),
    };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
