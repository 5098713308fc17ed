import { isPermanentMailError } from './mail-transport';

describe('isPermanentMailError', () => {
  it.each([
    [{ responseCode: 550 }, true],
    [{ responseCode: 554 }, true],
    [{ responseCode: 421 }, false],
    [{ responseCode: 451 }, false],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), false],
    [null, false],
  ])('%j is permanent: %s', (error, permanent) => {
    expect(isPermanentMailError(error)).toBe(permanent);
  });
});
