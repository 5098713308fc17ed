import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

// The web app's API types are generated from the API's code and committed; this fails when an API
// change was not followed by `npm run web:api-types`, so web and API cannot drift apart silently.
// (A child process: openapi-typescript loads ES modules that jest's CommonJS runtime cannot.)
describe('the web app API schema (apps/web/src/api/schema.d.ts)', () => {
  it('matches the OpenAPI document the API code produces now', () => {
    const sut = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/web/scripts/write-api-types.ts', '--check'],
      { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' }, encoding: 'utf8', timeout: 55_000 },
    );
    expect(`${sut.stdout}${sut.stderr}`.trim()).toBe('api schema up to date');
    expect(sut.status).toBe(0);
  }, 60_000);
});
