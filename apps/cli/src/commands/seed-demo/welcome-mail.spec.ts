import { renderWelcomeMail, WELCOME_DEDUPE_KEY, type WelcomeMailInput } from './welcome-mail';

describe('renderWelcomeMail', () => {
  const input: WelcomeMailInput = {
    foundationName: 'Stichting Rivierenland Onderwijs (demo)',
    admin: { id: '0b6f7c1e-1d2a-4c3b-9e8f-123456789abc', email: 'admin@rivierenland-demo.nl', givenName: 'Marloes' },
    counts: { schools: 12, staff: 600, directors: 12, coaches: 15, memberships: 621 },
    regions: ['middle', 'south', 'middle'],
    publicUrl: 'https://leerkring.example.nl',
  };

  it('is a Dutch welcome to the admin, made once per database', () => {
    const sut = renderWelcomeMail(input);

    expect(sut).toMatchObject({
      dedupeKey: WELCOME_DEDUPE_KEY,
      kind: 'welcome',
      recipientPersonId: input.admin.id,
      toAddress: 'admin@rivierenland-demo.nl',
      subject: 'Welkom bij Leerkring — Stichting Rivierenland Onderwijs (demo)',
      ics: null,
    });
    expect(sut.bodyText).toContain('Beste Marloes,');
  });

  it('sums up what was created and links to the API docs and the readiness check', () => {
    const sut = renderWelcomeMail(input);

    for (const body of [sut.bodyText, sut.bodyHtml ?? '']) {
      expect(body).toContain("12 scholen in 2 vakantieregio's (midden en zuid)");
      expect(body).toContain('600 medewerkers');
      expect(body).toContain('15 begeleiders');
      expect(body).toContain('https://leerkring.example.nl/api/docs');
      expect(body).toContain('https://leerkring.example.nl/api/health/ready');
    }
  });

  it('escapes names in the HTML part', () => {
    const sut = renderWelcomeMail({ ...input, foundationName: 'Stichting <De & Co>' });

    expect(sut.bodyHtml).toContain('Stichting &#60;De &#38; Co&#62;');
    expect(sut.bodyHtml).not.toContain('<De');
  });
});
