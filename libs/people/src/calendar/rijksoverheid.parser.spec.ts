import { SHIPPED_RIJKSOVERHEID_DOCUMENTS } from './shipped-holidays';
import { parseRijksoverheid, rijksoverheidDate, slug } from './rijksoverheid.parser';

function document(vacations: unknown[], schoolyear = '2026-2027') {
  return { content: [{ title: `Schoolvakanties ${schoolyear}`, schoolyear, vacations }] };
}

const herfst = {
  type: 'Herfstvakantie ',
  compulsorydates: 'false',
  regions: [
    { region: 'noord', startdate: '2026-10-10T00:00:00.000Z', enddate: '2026-10-18T00:00:00.000Z' },
    { region: 'midden', startdate: '2026-10-16T22:00:00.000Z', enddate: '2026-10-24T22:00:00.000Z' },
    { region: 'zuid', startdate: '2026-10-17', enddate: '2026-10-25' },
  ],
};

describe('rijksoverheidDate', () => {
  it('reads the timestamps as dates in Amsterdam, whichever way the feed wrote midnight', () => {
    expect(rijksoverheidDate('2026-10-17T00:00:00.000Z')).toBe('2026-10-17');
    expect(rijksoverheidDate('2026-10-16T22:00:00.000Z')).toBe('2026-10-17');
    expect(rijksoverheidDate('2026-12-18T23:00:00.000Z')).toBe('2026-12-19');
    expect(rijksoverheidDate('2026-10-17T00:00:00+02:00')).toBe('2026-10-17');
    expect(rijksoverheidDate('2026-10-17T00:00:00')).toBe('2026-10-17');
    expect(rijksoverheidDate('2026-10-17')).toBe('2026-10-17');
  });

  it('refuses what is not a date', () => {
    for (const value of ['', 'morgen', '2026-02-30', '2026-10-17T25:00:00Z', 20261017, null]) {
      expect(rijksoverheidDate(value)).toBeNull();
    }
  });
});

describe('parseRijksoverheid', () => {
  it('turns regions into region closures and heel Nederland into a national one', () => {
    const sut = parseRijksoverheid(
      document([
        herfst,
        {
          type: 'Kerstvakantie',
          regions: [
            { region: 'heel Nederland', startdate: '2026-12-19T00:00:00.000Z', enddate: '2027-01-03T00:00:00.000Z' },
          ],
        },
      ]),
    );

    expect(sut.ok).toBe(true);
    if (!sut.ok) {
      return;
    }
    expect(sut.value.schoolYears).toEqual(['2026-2027']);
    expect(
      sut.value.holidays.map((draft) => [draft.sourceKey, draft.scope, draft.region, draft.startDate, draft.endDate]),
    ).toEqual([
      ['2026-2027/herfstvakantie/north', 'region', 'north', '2026-10-10', '2026-10-18'],
      ['2026-2027/herfstvakantie/middle', 'region', 'middle', '2026-10-17', '2026-10-25'],
      ['2026-2027/herfstvakantie/south', 'region', 'south', '2026-10-17', '2026-10-25'],
      ['2026-2027/kerstvakantie/national', 'national', null, '2026-12-19', '2027-01-03'],
    ]);
    expect(sut.value.holidays[0]).toMatchObject({
      kind: 'holiday',
      name: 'Herfstvakantie',
      source: 'rijksoverheid',
      schoolId: null,
    });
  });

  it('accepts an array of documents', () => {
    const sut = parseRijksoverheid(SHIPPED_RIJKSOVERHEID_DOCUMENTS);

    expect(sut.ok && sut.value.schoolYears).toEqual(['2026-2027', '2027-2028']);
    expect(sut.ok && sut.value.holidays).toHaveLength(22);
  });

  it('ships a fixture where herfstvakantie 2026 differs between noord and midden/zuid', () => {
    const sut = parseRijksoverheid(SHIPPED_RIJKSOVERHEID_DOCUMENTS);
    const herfst2026 = sut.ok
      ? sut.value.holidays.filter((draft) => draft.sourceKey.startsWith('2026-2027/herfst'))
      : [];

    expect(Object.fromEntries(herfst2026.map((draft) => [draft.region, [draft.startDate, draft.endDate]]))).toEqual({
      north: ['2026-10-10', '2026-10-18'],
      middle: ['2026-10-17', '2026-10-25'],
      south: ['2026-10-17', '2026-10-25'],
    });
  });

  it('reports every problem with its path and returns nothing to store', () => {
    const sut = parseRijksoverheid(
      document([
        {
          type: 'Herfstvakantie',
          regions: [
            { region: 'oost', startdate: '2026-10-17', enddate: '2026-10-25' },
            { region: 'noord', startdate: 'zaterdag', enddate: '2026-10-25' },
            { region: 'midden', startdate: '2026-10-25', enddate: '2026-10-17' },
          ],
        },
        { type: '', regions: [] },
      ]),
    );

    expect(sut).toEqual({
      ok: false,
      problems: [
        { field: 'content.0.vacations.0.regions.0.region', messages: [expect.stringContaining('noord, midden, zuid')] },
        { field: 'content.0.vacations.0.regions.1.startdate', messages: [expect.stringContaining('ISO 8601')] },
        { field: 'content.0.vacations.0.regions.2.enddate', messages: [expect.stringContaining('before startdate')] },
        { field: 'content.0.vacations.1.type', messages: [expect.any(String)] },
        { field: 'content.0.vacations.1.regions', messages: [expect.any(String)] },
      ],
    });
  });

  it('refuses a document that is not one, a wrong school year and dates outside it', () => {
    expect(parseRijksoverheid({ hello: 'world' })).toMatchObject({ ok: false, problems: [{ field: 'content' }] });
    expect(parseRijksoverheid([])).toMatchObject({ ok: false, problems: [{ field: 'body' }] });
    expect(parseRijksoverheid('text')).toMatchObject({ ok: false });
    expect(parseRijksoverheid(document([herfst], '2026'))).toMatchObject({
      ok: false,
      problems: [{ field: 'content.0.schoolyear' }],
    });
    const wrongYear = parseRijksoverheid(document([herfst], '2027-2028'));
    expect(wrongYear.ok ? [] : wrongYear.problems.map((problem) => problem.field)).toEqual(
      [0, 1, 2].map((index) => `content.0.vacations.0.regions.${index}.startdate`),
    );
    expect(wrongYear.ok ? '' : wrongYear.problems[0].messages[0]).toBe('2026-10-10 is not in school year 2027-2028');
  });

  it('refuses the same holiday twice for one region', () => {
    const twice = { ...herfst, regions: [herfst.regions[0], herfst.regions[0]] };

    expect(parseRijksoverheid(document([twice]))).toMatchObject({
      ok: false,
      problems: [{ field: 'content.0.vacations.0.regions.1', messages: [expect.stringContaining('repeats')] }],
    });
  });

  it('makes stable keys from the names', () => {
    expect(slug(' Herfstvakantie ')).toBe('herfstvakantie');
    expect(slug('Voorjaarsvakantie (carnaval)')).toBe('voorjaarsvakantie-carnaval');
  });
});
