/** What a staff file can say about a person, in the code's words. */
export const STAFF_FIELDS = [
  'email',
  'givenName',
  'familyNamePrefix',
  'familyName',
  'function',
  'school',
  'vestiging',
  'language',
  'lineManagerEmail',
  'active',
] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];

export const REQUIRED_STAFF_FIELDS: readonly StaffField[] = ['email', 'givenName', 'familyName'];

/**
 * The headers we recognise per field, most preferred first (a file with both `Roepnaam` and
 * `Voornaam` uses the roepnaam, the name people go by). Compared without case, accents, spaces
 * or punctuation, so `E-mailadres`, `e_mail_adres` and `EMAILADRES` are one header.
 */
export const STAFF_HEADERS: Readonly<Record<StaffField, readonly string[]>> = {
  email: [
    'E-mailadres',
    'email',
    'E-mail',
    'Mail',
    'Mailadres',
    'E-mailadres werk',
    'E-mail werk',
    'Zakelijk e-mailadres',
    'email_address',
    'work_email',
  ],
  givenName: ['Roepnaam', 'Voornaam', 'given_name', 'first_name', 'Voornamen'],
  familyNamePrefix: ['Tussenvoegsel', 'Tussenvoegsels', 'Voorvoegsel', 'family_name_prefix', 'name_prefix', 'prefix'],
  familyName: ['Achternaam', 'family_name', 'Geslachtsnaam', 'Familienaam', 'last_name', 'surname'],
  function: ['Functie', 'function', 'Rol', 'role', 'Functienaam', 'job_title'],
  school: ['BRIN', 'Schoolcode', 'school', 'BRIN-code', 'BRIN-nummer', 'brin_code', 'school_code'],
  vestiging: ['Vestiging', 'Vestigingsnummer', 'Vestigingscode', 'vestiging_code'],
  language: ['Taal', 'language', 'Voorkeurstaal', 'preferred_language'],
  lineManagerEmail: [
    'Leidinggevende',
    'line_manager_email',
    'E-mailadres leidinggevende',
    'E-mail leidinggevende',
    'Leidinggevende e-mail',
    'Leidinggevende e-mailadres',
    'line_manager',
    'manager_email',
  ],
  active: ['Actief', 'active', 'Status', 'In dienst'],
};

/** Lower case, no accents, only letters and digits: how headers (and other labels) are compared. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_KEY = new Map<string, { field: StaffField; preference: number }>();
for (const field of STAFF_FIELDS) {
  STAFF_HEADERS[field].forEach((header, preference) => {
    if (!FIELD_BY_KEY.has(headerKey(header))) {
      FIELD_BY_KEY.set(headerKey(header), { field, preference });
    }
  });
}

export interface StaffColumn {
  index: number;
  /** The header as the file spells it, for messages. */
  header: string;
}

export interface StaffColumns {
  byField: ReadonlyMap<StaffField, StaffColumn>;
  /** Headers that we do not use: unknown ones, and a second column for a field already found. */
  ignored: string[];
}

/** The expected headers: what a 400 for an unreadable header lists, and what the docs show. */
export function expectedStaffHeaders(): Array<{ field: StaffField; required: boolean; headers: string[] }> {
  return STAFF_FIELDS.map((field) => ({
    field,
    required: REQUIRED_STAFF_FIELDS.includes(field),
    headers: [...STAFF_HEADERS[field]],
  }));
}

/** Which column holds which field, or the list of required fields the header lacks. */
export function mapStaffColumns(header: readonly string[]): StaffColumns | { missing: StaffField[] } {
  const chosen = new Map<StaffField, StaffColumn & { preference: number }>();
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const label = raw.replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
    const known = FIELD_BY_KEY.get(headerKey(label));
    if (!known) {
      if (label !== '') {
        ignored.push(label);
      }
      return;
    }
    const current = chosen.get(known.field);
    if (current && current.preference <= known.preference) {
      ignored.push(label);
      return;
    }
    if (current) {
      ignored.push(current.header);
    }
    chosen.set(known.field, { index, header: label, preference: known.preference });
  });
  const missing = REQUIRED_STAFF_FIELDS.filter((field) => !chosen.has(field));
  if (missing.length > 0) {
    return { missing };
  }
  return {
    byField: new Map([...chosen].map(([field, { index, header: label }]) => [field, { index, header: label }])),
    ignored,
  };
}
