export interface PersonName {
  givenName: string;
  familyNamePrefix: string;
  familyName: string;
}

/** Letters that Unicode decomposition leaves alone but that have a usual ASCII spelling. */
const ASCII_SPELLING: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};

/** Longest local part we make, leaving room for a dedupe number within the RFC 5321 limit of 64. */
const MAX_LOCAL_PART = 56;

/** Lower-case ASCII letters, digits and inner hyphens: "Çelik" → "celik", "'t Hart" → "thart". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{ASCII}]/gu, (letter) => ASCII_SPELLING[letter] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Anna", "van der", "Berg" → "anna.vanderberg"; never empty. */
export function emailLocalPart(name: PersonName): string {
  const local = [asciiSlug(name.givenName), asciiSlug(`${name.familyNamePrefix}${name.familyName}`)]
    .filter((part) => part !== '')
    .join('.')
    .slice(0, MAX_LOCAL_PART)
    .replace(/[.-]+$/, '');
  return local === '' ? 'medewerker' : local;
}

/** Hands out unique addresses in one domain; a second "Anna van der Berg" gets anna.vanderberg2@... */
export class EmailAllocator {
  private readonly taken: Set<string>;

  constructor(
    private readonly domain: string,
    taken: Iterable<string> = [],
  ) {
    this.taken = new Set([...taken].map((email) => email.toLowerCase()));
  }

  allocate(name: PersonName): string {
    const local = emailLocalPart(name);
    for (let n = 1; ; n += 1) {
      const email = `${n === 1 ? local : `${local}${n}`}@${this.domain}`;
      if (!this.taken.has(email)) {
        this.taken.add(email);
        return email;
      }
    }
  }
}
