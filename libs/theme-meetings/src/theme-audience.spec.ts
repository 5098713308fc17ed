import { buildActor } from '@leerkring/people';
import { inAudience } from './theme-audience';
import type { ThemeMeeting } from './theme-meeting.entity';

const meeting = (overrides: Partial<ThemeMeeting>): ThemeMeeting =>
  ({ organizerPersonId: 'organiser', audienceSchoolIds: null, audienceFunctions: null, ...overrides }) as ThemeMeeting;

const person = (id: string, memberships: Array<[string, 'teacher' | 'starter' | 'director']>, isAdmin = false) =>
  buildActor(
    { id, isAdmin, language: 'nl' },
    memberships.map(([schoolId, fn]) => ({ schoolId, function: fn })),
    'session',
  );

describe('who a theme meeting is for', () => {
  it('the whole foundation when no schools or functions are given', () => {
    expect(inAudience(person('p', [['a', 'teacher']]), meeting({}))).toBe(true);
  });

  it('only staff of its schools', () => {
    const sut = meeting({ audienceSchoolIds: ['a'] });
    expect(inAudience(person('p', [['a', 'teacher']]), sut)).toBe(true);
    expect(inAudience(person('q', [['b', 'teacher']]), sut)).toBe(false);
  });

  it('a function at one of its schools, not a function held elsewhere', () => {
    const sut = meeting({ audienceSchoolIds: ['a'], audienceFunctions: ['starter'] });
    expect(inAudience(person('p', [['a', 'starter']]), sut)).toBe(true);
    expect(
      inAudience(
        person('q', [
          ['a', 'teacher'],
          ['b', 'starter'],
        ]),
        sut,
      ),
    ).toBe(false);
  });

  it('always its organiser and admins', () => {
    const sut = meeting({ audienceSchoolIds: ['a'], audienceFunctions: ['starter'] });
    expect(inAudience(person('organiser', [['b', 'teacher']]), sut)).toBe(true);
    expect(inAudience(person('admin', [], true), sut)).toBe(true);
    expect(inAudience(person('nobody', []), sut)).toBe(false);
  });
});
