import fc from 'fast-check';
import { chunked } from './chunked';

describe('chunked', () => {
  it('keeps every row, in order, in batches of at most the given size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 20 }), (rows, size) => {
        const sut = chunked(rows, size);
        expect(sut.flat()).toEqual(rows);
        sut.forEach((chunk) => expect(chunk.length).toBeGreaterThan(0));
        sut.forEach((chunk) => expect(chunk.length).toBeLessThanOrEqual(size));
      }),
    );
  });

  it('refuses a batch size that would loop forever', () => {
    expect(() => chunked([1], 0)).toThrow(RangeError);
  });
});
