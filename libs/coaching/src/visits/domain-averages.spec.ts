import { domainAverages } from './visits.service';

describe('domainAverages', () => {
  const form = {
    domains: [
      {
        key: 'climate',
        title: 'Klimaat',
        items: [
          { key: 'c1', text: '' },
          { key: 'c2', text: '' },
          { key: 'c3', text: '' },
        ],
      },
      { key: 'instruction', title: 'Instructie', items: [{ key: 'i1', text: '' }] },
    ],
  };

  it('averages the scored items of each domain, leaving unscored items out', () => {
    const sut = domainAverages(form, [
      { itemKey: 'c1', score: 2, comment: '' },
      { itemKey: 'c2', score: 3, comment: '' },
      { itemKey: 'c3', score: null, comment: 'niet gezien' },
      { itemKey: 'i1', score: 4, comment: '' },
    ]);

    expect(sut).toEqual([
      { key: 'climate', title: 'Klimaat', average: 2.5 },
      { key: 'instruction', title: 'Instructie', average: 4 },
    ]);
  });

  it('gives null for a domain without any score', () => {
    expect(domainAverages(form, [{ itemKey: 'i1', score: 1, comment: '' }])[0].average).toBeNull();
  });

  it('rounds to two decimals', () => {
    const sut = domainAverages(form, [
      { itemKey: 'c1', score: 1, comment: '' },
      { itemKey: 'c2', score: 1, comment: '' },
      { itemKey: 'c3', score: 2, comment: '' },
    ]);

    expect(sut[0].average).toBe(1.33);
  });
});
