import fc from 'fast-check';
import { asciiSlug, EmailAllocator, emailLocalPart } from './demo-email';

/** Letters as they occur in Dutch staff lists, diacritics and all, plus spaces, hyphens and apostrophes. */
const nameCharacter = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'éëèêïíöóüúçşğıİĳĲàáâäåñßæøœłÉËÏÖÜÇŞ',
  ' ',
  '-',
  "'",
);
const namePart = fc.string({ unit: nameCharacter, maxLength: 40 });
const personName = fc.record({ givenName: namePart, familyNamePrefix: namePart, familyName: namePart });

describe('asciiSlug', () => {
  it.each([
    ['Çelik', 'celik'],
    ['Yılmaz', 'yilmaz'],
    ['Zoë', 'zoe'],
    ["'t Hart", 'thart'],
    ['van der Berg', 'vanderberg'],
    ['Anne-Marie', 'anne-marie'],
    ['Ĳsbrand', 'ijsbrand'],
    ['Müßig', 'mussig'],
  ])('spells %s as %s', (name, slug) => {
    expect(asciiSlug(name)).toBe(slug);
  });
});

describe('emailLocalPart', () => {
  it('joins given name and family name with a dot', () => {
    expect(emailLocalPart({ givenName: 'Anna', familyNamePrefix: 'van der', familyName: 'Berg' })).toBe(
      'anna.vanderberg',
    );
  });

  it('always yields a non-empty lower-case ASCII local part for any Dutch name', () => {
    fc.assert(
      fc.property(personName, (name) => {
        const local = emailLocalPart(name);
        expect(local).toMatch(/^[a-z0-9]+([.-]+[a-z0-9]+)*$/);
        expect(local.length).toBeLessThanOrEqual(56);
      }),
    );
  });

  it('never fails on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (given, family) => {
        expect(emailLocalPart({ givenName: given, familyNamePrefix: '', familyName: family })).toMatch(
          /^[\x21-\x7e]+$/,
        );
      }),
    );
  });
});

describe('EmailAllocator', () => {
  it('numbers a second person with the same name', () => {
    const sut = new EmailAllocator('school.nl');
    const anna = { givenName: 'Anna', familyNamePrefix: 'van der', familyName: 'Berg' };
    expect([sut.allocate(anna), sut.allocate(anna), sut.allocate(anna)]).toEqual([
      'anna.vanderberg@school.nl',
      'anna.vanderberg2@school.nl',
      'anna.vanderberg3@school.nl',
    ]);
  });

  it('never hands out an address twice, nor one that was taken before', () => {
    fc.assert(
      fc.property(fc.array(personName, { maxLength: 50 }), (names) => {
        const sut = new EmailAllocator('school.nl', ['medewerker@school.nl']);
        const emails = names.map((name) => sut.allocate(name));
        expect(new Set(emails).size).toBe(emails.length);
        expect(emails).not.toContain('medewerker@school.nl');
      }),
    );
  });
});
