import fc from 'fast-check';
import { planUpserts } from './upsert-plan';

interface Row {
  key: string;
  name: string;
  size: number;
}

describe('planUpserts', () => {
  const keyOf = (row: Row): string => row.key;

  it('writes new and changed rows and counts the unchanged ones', () => {
    const stored = new Map<string, Partial<Row>>([
      ['a', { key: 'a', name: 'Alpha', size: 1 }],
      ['b', { key: 'b', name: 'Beta', size: 1 }],
    ]);
    const rows: Row[] = [
      { key: 'a', name: 'Alpha', size: 1 },
      { key: 'b', name: 'Beta', size: 2 },
      { key: 'c', name: 'Gamma', size: 3 },
    ];

    const sut = planUpserts(rows, stored, keyOf, ['name', 'size']);

    expect(sut).toEqual({ write: [rows[1], rows[2]], created: 1, updated: 1, unchanged: 1 });
  });

  it('ignores fields it is not asked to compare', () => {
    const stored = new Map<string, Partial<Row>>([['a', { key: 'a', name: 'Alpha', size: 9 }]]);
    expect(planUpserts([{ key: 'a', name: 'Alpha', size: 1 }], stored, keyOf, ['name']).write).toEqual([]);
  });

  it('plans nothing once everything it planned is stored', () => {
    const row = fc.record({ key: fc.string(), name: fc.string(), size: fc.integer() });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: keyOf }), (rows) => {
        const first = planUpserts(rows, new Map(), keyOf, ['name', 'size']);
        expect(first.created).toBe(rows.length);
        const stored = new Map(first.write.map((written) => [written.key, written] as const));
        expect(planUpserts(rows, stored, keyOf, ['name', 'size'])).toEqual({
          write: [],
          created: 0,
          updated: 0,
          unchanged: rows.length,
        });
      }),
    );
  });
});
