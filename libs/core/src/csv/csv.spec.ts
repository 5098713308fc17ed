import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting', () => {
    const sut = toCsv(
      [
        { school: 'obs "De Regenboog", Utrecht', sessions: 3 },
        { school: '=HYPERLINK("x")', sessions: 0 },
      ],
      ['school', 'sessions'],
    );

    expect(sut).toBe('school,sessions\r\n"obs ""De Regenboog"", Utrecht",3\r\n"\'=HYPERLINK(""x"")",0\r\n');
  });

  it('writes Dutch Excel CSV: semicolons and a byte-order mark', () => {
    const sut = toCsv([{ name: 'Jansen; J.', hours: 2.5, present: true }], ['name', 'hours', 'present'], {
      delimiter: ';',
      bom: true,
    });

    expect(sut).toBe('\uFEFFname;hours;present\r\n"Jansen; J.";2.5;true\r\n');
  });

  it('defuses a formula hidden behind a tab or carriage return', () => {
    expect(toCsv([{ a: '\t=1+1', b: '\r@SUM(A1)' }], ['a', 'b'])).toBe('a,b\r\n\'\t=1+1,"\'\r@SUM(A1)"\r\n');
  });

  it('leaves empty what is not text or a number', () => {
    expect(toCsv([{ a: null, b: undefined, c: { x: 1 } }], ['a', 'b', 'c'])).toBe('a,b,c\r\n,,\r\n');
  });
});
