import fc from 'fast-check';
import { ApiException } from '../errors/api.exception';
import { decodeCursor, encodeCursor, toPage } from './cursor';

describe('cursors', () => {
  it('round-trip any position, and are URL-safe', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (key, id) => {
        const sut = encodeCursor({ key, id });
        expect(sut).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCursor(sut)).toEqual({ key, id });
      }),
    );
  });

  it.each(['not-base64-json', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{}').toString('base64url')])(
    'refuse a cursor we did not hand out (%s) as a validation problem',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(ApiException);
    },
  );

  it('cut a page and point at the next one only when there is more', () => {
    const rows = [1, 2, 3].map((n) => ({ id: String(n), name: `n${n}` }));
    const position = (row: { id: string; name: string }) => ({ key: row.name, id: row.id });

    const full = toPage(rows, 2, position);
    expect(full.items).toHaveLength(2);
    expect(decodeCursor(full.nextCursor ?? undefined)).toEqual({ key: 'n2', id: '2' });
    expect(toPage(rows.slice(0, 2), 2, position).nextCursor).toBeNull();
  });
});
