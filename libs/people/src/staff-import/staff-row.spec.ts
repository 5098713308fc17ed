import fc from 'fast-check';
import { FUNCTIONS } from '../persons/membership.entity';
import { mapStaffColumns, type StaffColumns } from './staff-columns';
import { FUNCTION_NAMES, mapFunctionName, parseFunctions } from './staff-functions';
import { parseEmail, parseSchoolCode, StaffRowCollector, validateStaffRow } from './staff-row';

function columnsOf(header: string[]): StaffColumns {
  const columns = mapStaffColumns(header);
  if ('missing' in columns) {
    throw new Error(`missing ${columns.missing.join(', ')}`);
  }
  return columns;
}

const DUTCH = [
  'Voornaam',
  'Tussenvoegsel',
  'Achternaam',
  'E-mailadres',
  'Functie',
  'BRIN',
  'Taal',
  'Leidinggevende',
  'Actief',
];

describe('mapStaffColumns', () => {
  it('recognises Dutch and English headers, whatever their case, accents or punctuation', () => {
    const dutch = columnsOf(DUTCH);
    expect([...dutch.byField.keys()]).toEqual([
      'givenName',
      'familyNamePrefix',
      'familyName',
      'email',
      'function',
      'school',
      'language',
      'lineManagerEmail',
      'active',
    ]);
    const english = columnsOf(['given_name', 'family_name_prefix', 'family_name', 'EMAIL', 'function', 'school']);
    expect(english.byField.get('email')).toEqual({ index: 3, header: 'EMAIL' });
    expect(columnsOf([' e_mail ', 'Roepnaam', 'ACHTERNAAM']).byField.get('email')?.index).toBe(0);
  });

  it('prefers the roepnaam to the voornaam, and lists the columns it does not use', () => {
    const sut = columnsOf(['Voornaam', 'Roepnaam', 'Achternaam', 'Email', 'Geboortedatum']);
    expect(sut.byField.get('givenName')).toEqual({ index: 1, header: 'Roepnaam' });
    expect(sut.ignored).toEqual(['Voornaam', 'Geboortedatum']);
  });

  it('says which required columns are missing', () => {
    expect(mapStaffColumns(['Naam', 'Functie'])).toEqual({ missing: ['email', 'givenName', 'familyName'] });
    expect(mapStaffColumns(['jan@school.nl', 'Jan', 'Jansen'])).toEqual({
      missing: ['email', 'givenName', 'familyName'],
    });
  });
});

describe('function names', () => {
  it.each([
    ['Leerkracht', 'teacher'],
    ['leraar', 'teacher'],
    ['Docent', 'teacher'],
    ['Leraar LB', 'teacher'],
    ['Leerkracht L11', 'teacher'],
    ['Startende leerkracht', 'starter'],
    ['starter', 'starter'],
    ['Student', 'trainee'],
    ['Stagiair(e)', 'trainee'],
    ['stagiaire', 'trainee'],
    ['LIO', 'trainee'],
    ['Onderwijsassistent', 'teaching_assistant'],
    ['klassenassistent', 'teaching_assistant'],
    ['Directeur', 'director'],
    ['Locatieleider', 'director'],
    ['Werkbegeleider', 'werkbegeleider'],
    ['Intern begeleider', 'intern_begeleider'],
    ['IB', 'intern_begeleider'],
    ["IB'er", 'intern_begeleider'],
    ['IB’er', 'intern_begeleider'],
    ['Kwaliteitscoördinator', 'kwaliteitscoordinator'],
    ['KC', 'kwaliteitscoordinator'],
    ['Werkplekbegeleider', 'vakcoach'],
    ['Vakcoach', 'vakcoach'],
    ['Werkplekbegeleider/vakcoach', 'vakcoach'],
    ['Schoolopleider', 'schoolopleider'],
    ['intern_begeleider', 'intern_begeleider'],
  ])('%s is %s', (name, fn) => {
    expect(parseFunctions(name)).toEqual({ functions: [fn], unknown: [] });
  });

  it('maps every listed name and every code to a function', () => {
    for (const fn of FUNCTIONS) {
      for (const name of [fn, ...FUNCTION_NAMES[fn]]) {
        expect(mapFunctionName(name.toUpperCase())).toBe(fn);
      }
    }
  });

  it('reads several functions in one cell, and names the unknown ones', () => {
    expect(parseFunctions("Leerkracht / IB'er")).toEqual({ functions: ['teacher', 'intern_begeleider'], unknown: [] });
    expect(parseFunctions('leraar, kc en werkbegeleider')).toEqual({
      functions: ['teacher', 'kwaliteitscoordinator', 'werkbegeleider'],
      unknown: [],
    });
    expect(parseFunctions('Conciërge')).toEqual({ functions: [], unknown: ['Conciërge'] });
    expect(parseFunctions('leerkracht, rekencoördinator')).toEqual({
      functions: ['teacher'],
      unknown: ['rekencoördinator'],
    });
  });
});

describe('parseEmail', () => {
  it('trims and lower-cases, however the address is spelled (property)', () => {
    const local = fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,20}[a-z0-9])?$/).filter((s) => !s.includes('..'));
    const domain = fc.stringMatching(/^[a-z0-9]{1,10}\.(nl|com|org)$/);
    fc.assert(
      fc.property(local, domain, fc.constantFrom('', ' ', '\t', '\u00a0'), fc.boolean(), (user, host, pad, upper) => {
        const email = `${user}@${host}`;
        const spelled = `${pad}${upper ? email.toUpperCase() : email}${pad}`;
        expect(parseEmail(spelled)).toEqual({ email });
        expect(parseEmail(email)).toEqual(parseEmail(spelled));
      }),
    );
  });

  it('refuses what is not an email address', () => {
    for (const bad of [
      '',
      'jan',
      'jan@',
      '@school.nl',
      'jan@school',
      'jan @school.nl',
      'jan@@school.nl',
      'josé@school.nl',
    ]) {
      expect(parseEmail(bad)).toHaveProperty('error');
    }
    expect(parseEmail('mailto:Jan@School.NL')).toEqual({ email: 'jan@school.nl' });
  });
});

describe('parseSchoolCode', () => {
  it('reads a BRIN code with or without vestiging, from one cell or two', () => {
    expect(parseSchoolCode('12ab')).toEqual({ brin: '12AB' });
    expect(parseSchoolCode('12AB01')).toEqual({ brin: '12AB', vestiging: '01' });
    expect(parseSchoolCode('12AB 01')).toEqual({ brin: '12AB', vestiging: '01' });
    expect(parseSchoolCode('12AB', '1')).toEqual({ brin: '12AB', vestiging: '01' });
    expect(parseSchoolCode('12AB01', '01')).toEqual({ brin: '12AB', vestiging: '01' });
  });

  it('refuses other codes, and a vestiging that disagrees', () => {
    expect(parseSchoolCode('1234')).toHaveProperty('error');
    expect(parseSchoolCode('12ABC')).toHaveProperty('error');
    expect(parseSchoolCode('12AB', 'x')).toHaveProperty('error');
    expect(parseSchoolCode('12AB01', '02')).toHaveProperty('error');
  });
});

describe('validateStaffRow', () => {
  const columns = columnsOf(DUTCH);
  const record = (line: number, fields: string[]) => ({ line, fields });

  it('turns a Dutch row into a staff row', () => {
    const result = validateStaffRow(
      record(2, [
        ' Anna ',
        'van  der',
        'Berg',
        'Anna.vanderBerg@School.NL ',
        'Leerkracht/IB',
        '12ab01',
        'NL',
        'dir@school.nl',
        'ja',
      ]),
      columns,
    );
    expect(result.errors).toEqual([]);
    expect(result.row).toEqual({
      line: 2,
      email: 'anna.vanderberg@school.nl',
      givenName: 'Anna',
      familyNamePrefix: 'van der',
      familyName: 'Berg',
      functions: ['teacher', 'intern_begeleider'],
      school: { brin: '12AB', vestiging: '01' },
      language: 'nl',
      active: true,
      lineManagerEmail: 'dir@school.nl',
    });
  });

  it('leaves out optional values whose cells are empty', () => {
    const { row } = validateStaffRow(
      record(3, ['Jan', '', 'Jansen', 'jan@school.nl', 'leraar', '', '', '', '']),
      columns,
    );
    expect(row).toEqual({
      line: 3,
      email: 'jan@school.nl',
      givenName: 'Jan',
      familyNamePrefix: '',
      familyName: 'Jansen',
      functions: ['teacher'],
    });
  });

  it('reports every problem of a row with its line and field', () => {
    const result = validateStaffRow(
      record(7, ['', '', 'Jansen', 'jan@', 'Conciërge', '12345', 'fr', 'nope', 'misschien']),
      columns,
    );
    expect(result.row).toBeUndefined();
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [7, 'email'],
      [7, 'givenName'],
      [7, 'function'],
      [7, 'school'],
      [7, 'language'],
      [7, 'active'],
      [7, 'lineManagerEmail'],
    ]);
    expect(result.errors[1].message).toBe('Voornaam: missing name');
    expect(result.errors[2].message).toBe('Functie: unknown function "Conciërge"');
  });

  it('refuses a person as their own line manager', () => {
    const result = validateStaffRow(
      record(2, ['Jan', '', 'Jansen', 'jan@school.nl', 'leraar', '', '', 'JAN@school.nl', '']),
      columns,
    );
    expect(result.errors.map((e) => e.message)).toEqual(['Leidinggevende: a person cannot be their own line manager']);
  });
});

describe('StaffRowCollector', () => {
  it('keeps valid rows and reports a repeated email on the later line', () => {
    const sut = new StaffRowCollector(columnsOf(['Voornaam', 'Achternaam', 'Email']));
    sut.add({ line: 2, fields: ['Jan', 'Jansen', 'jan@school.nl'] });
    sut.add({ line: 3, fields: ['Piet', '', 'piet@school.nl'] });
    sut.add({ line: 4, fields: ['Piet', 'Peters', 'PIET@school.nl'] });
    sut.add({ line: 5, fields: ['Jan', 'Janssen', ' jan@school.nl'] });
    expect(sut.records).toBe(4);
    expect(sut.rows.map((row) => row.line)).toEqual([2]);
    expect(sut.errors.map((error) => [error.line, error.field])).toEqual([
      [3, 'familyName'],
      [4, 'email'],
      [5, 'email'],
    ]);
    expect(sut.errors[2].message).toBe('Email: duplicate email "jan@school.nl" within the file (first on line 2)');
  });
});
