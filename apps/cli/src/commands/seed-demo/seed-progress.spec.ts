import { createSeedProgress } from './seed-progress';

describe('createSeedProgress without a terminal', () => {
  it('prints one plain line per batch, for CI logs', () => {
    const written: string[] = [];
    const sut = createSeedProgress({ isTTY: false, write: (chunk: string) => written.push(chunk) > 0 });

    sut.line('schools: 12 (12 new)');
    sut.start('staff', 250);
    sut.advance(100);
    sut.advance(100);
    sut.advance(50);
    sut.stop();

    expect(written.join('')).toBe('schools: 12 (12 new)\nstaff: 100/250\nstaff: 200/250\nstaff: 250/250\n');
  });
});
