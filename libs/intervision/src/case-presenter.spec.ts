import fc from 'fast-check';
import { nextCasePresenter, type PresenterHistory } from './case-presenter';

const member = (personId: string, overrides: Partial<PresenterHistory> = {}): PresenterHistory => ({
  personId,
  presented: 0,
  lastPresented: null,
  attended: 1,
  joinedAt: new Date('2027-08-20T10:00:00Z'),
  ...overrides,
});

describe('nextCasePresenter', () => {
  it('picks the attended member who presented least often, then least recently', () => {
    const sut = nextCasePresenter([
      member('a', { presented: 2, lastPresented: '2027-10-01' }),
      member('b', { presented: 1, lastPresented: '2027-11-01' }),
      member('c', { presented: 1, lastPresented: '2027-09-01' }),
      member('d', { presented: 0, attended: 0 }),
    ]);
    expect(sut).toBe('c');
  });

  it('considers everyone while nobody has attended yet, and nobody when there are no members', () => {
    expect(nextCasePresenter([member('b', { attended: 0, presented: 1 }), member('a', { attended: 0 })])).toBe('a');
    expect(nextCasePresenter([])).toBeNull();
    expect(nextCasePresenter([member('a')], ['a'])).toBeNull();
  });

  it('rotates through everyone before anyone presents twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 30 }), (size, meetings) => {
        const members = Array.from({ length: size }, (_, index) => member(`p${index}`));
        const counts = new Map(members.map((m) => [m.personId, 0]));
        for (let meeting = 0; meeting < meetings; meeting += 1) {
          const chosen = nextCasePresenter(members);
          expect(chosen).not.toBeNull();
          const presenter = members.find((m) => m.personId === chosen)!;
          presenter.presented += 1;
          presenter.lastPresented = `2027-09-${String(meeting + 1).padStart(2, '0')}`;
          counts.set(presenter.personId, presenter.presented);
        }
        const values = [...counts.values()];
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
