import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { School } from '@leerkring/people';
import { startAppProcess } from '@leerkring/testing/app-process';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { testTempDir } from '@leerkring/testing/test-run';

/** `npm run import:staff` runs this bundle (dist/apps/cli/main.js), as an operator would. */
describe('import:staff (CLI)', () => {
  let db: DataSource;
  let school: School;

  beforeAll(async () => {
    db = await openTestDataSource();
    school = await factory(db).school();
  });

  afterAll(async () => {
    await db?.destroy();
  });

  async function cli(...args: string[]): Promise<{ exit: number | string; output: string }> {
    const child = startAppProcess('cli', { LOG_LEVEL: 'warn' }, ['import:staff', ...args]);
    const exit = await child.exited;
    return { exit, output: child.output() };
  }

  async function csvFile(text: string): Promise<string> {
    const path = join(testTempDir(), `staff-${randomUUID()}.csv`);
    await writeFile(path, text);
    return path;
  }

  it('imports with --school, prints the counts and the errors with their lines, and exits 0', async () => {
    const domain = `${randomUUID().slice(0, 8)}.school.test`;
    const file = await csvFile(
      [
        'Voornaam;Achternaam;E-mailadres;Functie',
        `Jan;Jansen;jan@${domain};Leerkracht`,
        `Piet;Peters;piet@;Leerkracht`,
        `Kim;Kok;kim@${domain};IB'er`,
      ].join('\r\n'),
    );
    const code = `${school.brin}${school.vestiging}`;

    const dry = await cli(file, '--dry-run', '--school', code);
    expect(dry.exit).toBe(0);
    expect(dry.output).toContain('Dry run (nothing written): 3 row(s)');
    expect(dry.output).toContain(`line 2: jan@${domain}: new person; + teacher at ${code}`);

    const real = await cli(`--school=${code}`, file);
    expect(real.exit).toBe(0);
    expect(real.output).toContain('people: 2 created, 0 updated, 0 unchanged');
    expect(real.output).toContain('memberships: 2 created');
    expect(real.output).toContain('line 3: E-mailadres: "piet@" is not a valid email address');
    const [{ n }] = await db.query<Array<{ n: string }>>('SELECT COUNT(*) AS n FROM person WHERE email LIKE ?', [
      `%@${domain}`,
    ]);
    expect(Number(n)).toBe(2);
  });

  it('exits 1 when the file cannot be read and 2 on bad arguments', async () => {
    expect((await cli(join(testTempDir(), 'missing.csv'))).exit).toBe(1);
    expect((await cli(await csvFile('naam;functie\nJan;leraar\n'))).exit).toBe(1);
    expect((await cli()).exit).toBe(2);
    expect((await cli('a.csv', '--dryrun')).exit).toBe(2);
    expect((await cli(await csvFile('Voornaam;Achternaam;Email\n'), '--school', '99IO')).exit).toBe(2);
  });
});
