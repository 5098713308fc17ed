import fc from 'fast-check';
import { FUNCTIONS, type SchoolFunction } from '../persons/membership.entity';
import { buildActor, isCoachAt, isDirectorOf, rolesFor, schoolsOf } from './actor';

describe('roles from memberships', () => {
  it.each<[boolean, SchoolFunction[], string[]]>([
    [false, [], []],
    [true, [], ['admin']],
    [false, ['teacher'], ['teacher']],
    [false, ['starter', 'trainee', 'teaching_assistant'], ['teacher']],
    [false, ['director'], ['director']],
    [false, ['intern_begeleider'], ['coach']],
    [false, ['werkbegeleider', 'teacher'], ['coach', 'teacher']],
    [true, ['director', 'schoolopleider'], ['admin', 'director', 'coach']],
  ])('admin=%s with %j gives %j', (isAdmin, functions, roles) => {
    expect([...rolesFor(isAdmin, functions)].sort()).toEqual([...roles].sort());
  });

  it('gives every function exactly one role, and admin only from the flag', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.subarray([...FUNCTIONS]), (isAdmin, functions) => {
        const roles = rolesFor(isAdmin, functions);
        expect(roles.has('admin')).toBe(isAdmin);
        expect(roles.size - (isAdmin ? 1 : 0)).toBeLessThanOrEqual(functions.length);
        for (const fn of functions) {
          expect(rolesFor(false, [fn]).size).toBe(1);
        }
      }),
    );
  });
});

describe('an actor at several schools', () => {
  const sut = buildActor(
    { id: 'p1', isAdmin: false, language: 'nl' },
    [
      { schoolId: 'a', function: 'director' },
      { schoolId: 'b', function: 'intern_begeleider' },
      { schoolId: 'b', function: 'teacher' },
      { schoolId: 'c', function: 'teacher' },
    ],
    'session',
  );

  it('knows where they direct, coach and teach', () => {
    expect(schoolsOf(sut, 'director')).toEqual(['a']);
    expect(schoolsOf(sut, 'teacher').sort()).toEqual(['b', 'c']);
    expect(schoolsOf(sut).sort()).toEqual(['a', 'b', 'c']);
    expect(isDirectorOf(sut, 'a')).toBe(true);
    expect(isDirectorOf(sut, 'b')).toBe(false);
    expect(isCoachAt(sut, 'b')).toBe(true);
    expect(isCoachAt(sut, 'c')).toBe(false);
    expect([...sut.roles].sort()).toEqual(['coach', 'director', 'teacher']);
  });
});
