import { toCsv } from './coaching-reports.service';

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
});
