import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnvironment } from './read-environment';

describe('readEnvironment', () => {
  it('reads a .env file and lets real environment variables win', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'env-')), '.env');
    writeFileSync(file, 'PORT=4000\nREDIS_PREFIX=from-file\n');

    const sut = readEnvironment({ PORT: '5000' }, file);

    expect(sut.PORT).toBe('5000');
    expect(sut.REDIS_PREFIX).toBe('from-file');
  });

  it('works without a .env file', () => {
    expect(readEnvironment({ PORT: '1' }, '/nonexistent/.env')).toEqual({ PORT: '1' });
  });
});
