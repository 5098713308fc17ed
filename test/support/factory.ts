import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Person, School, SchoolMembership, type SchoolFunction } from '@leerkring/people';

let sequence = 0;
const next = () =>
  `${Date.now().toString(36)}${(sequence += 1).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Two digits and two letters, unique enough across a test run. */
function randomBrin(): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const pick = () => letters[Math.floor(Math.random() * letters.length)];
  return `${String(Math.floor(Math.random() * 100)).padStart(2, '0')}${pick()}${pick()}`;
}

/**
 * Builds rows the way the application would store them, with believable defaults; tests
 * override only what they are about. Unique values (emails, BRIN codes) never collide.
 */
export function factory(dataSource: DataSource) {
  return {
    async school(overrides: Partial<School> = {}): Promise<School> {
      for (let attempt = 0; ; attempt += 1) {
        const school = dataSource.getRepository(School).create({
          id: randomUUID(),
          name: `obs De Test ${next()}`,
          brin: randomBrin(),
          vestiging: String(attempt % 100).padStart(2, '0'),
          sector: 'PO',
          holidayRegion: 'middle',
          street: 'Schoolstraat 1',
          postalCode: '3511 AB',
          city: 'Utrecht',
          ...overrides,
        });
        try {
          return await dataSource.getRepository(School).save(school);
        } catch (error) {
          if (overrides.brin || attempt > 20 || !String(error).includes('Duplicate')) {
            throw error;
          }
        }
      }
    },

    async person(
      overrides: Partial<Person> & { memberships?: Array<{ schoolId: string; function: SchoolFunction }> } = {},
    ): Promise<Person> {
      const { memberships = [], ...fields } = overrides;
      const id = next();
      const person = await dataSource.getRepository(Person).save(
        dataSource.getRepository(Person).create({
          id: randomUUID(),
          givenName: 'Test',
          familyNamePrefix: 'van',
          familyName: `Persoon ${id}`,
          email: `test.${id}@school.test`,
          language: 'nl',
          isAdmin: false,
          active: true,
          lineManagerId: null,
          ...fields,
        }),
      );
      for (const membership of memberships) {
        await dataSource
          .getRepository(SchoolMembership)
          .save(
            dataSource.getRepository(SchoolMembership).create({ id: randomUUID(), personId: person.id, ...membership }),
          );
      }
      return person;
    },
  };
}
