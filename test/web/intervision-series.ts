import { readJson } from '@leerkring/testing/http';
import type { BrowserVisitors } from './browser';

/** Spring 2029: past the school years whose holidays other tests import into the same database. */
export const SERIES_SCHOOL_YEAR = '2028-2029';

/**
 * An intervision group of these members, with the coach as facilitator, and its series: every
 * other Tuesday 15:30–17:00 from 6 March to 17 April 2029 (four meetings), planned over the API.
 */
export async function intervisionSeries<Meeting>(
  apiCall: BrowserVisitors['apiCall'],
  coach: { id: string },
  group: { name: string; schoolId: string; room: string; members: Array<{ id: string }> },
): Promise<{ group: { id: string; name: string }; meetings: Meeting[] }> {
  const created = await apiCall(coach, 'POST', '/intervision/groups', {
    name: group.name,
    method: 'incident',
    schoolId: group.schoolId,
    room: group.room,
    schoolYear: SERIES_SCHOOL_YEAR,
    closurePolicy: 'skip',
    memberPersonIds: group.members.map((member) => member.id),
  });
  expect(created.status).toBe(201);
  const { id } = (await readJson(created)) as { id: string };
  const series = await apiCall(coach, 'POST', `/intervision/groups/${id}/series`, {
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    startsOn: '2029-03-06',
    until: '2029-04-17',
    startTime: '15:30',
    durationMinutes: 90,
  });
  expect(series.status).toBe(201);
  return { group: { id, name: group.name }, meetings: ((await readJson(series)) as { meetings: Meeting[] }).meetings };
}
